import { CappedMap, createChallenge, randomInt, verifySolution, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { AppDeps } from '../../../../app/deps.js';

/**
 * Bots are slowed without a third-party service, in two ways:
 * - With JavaScript, the browser solves an ALTCHA proof of work (PBKDF2 with Web Crypto,
 *   about a second on a laptop, longer on a cheap phone, while the person is still typing).
 *   Each solution is accepted once.
 * - Without it (or with a missing, wrong, expired or reused solution), the form still
 *   submits, guarded by the honeypot field and a much stricter limit per client address.
 *   Addresses are counted in memory only and never written anywhere.
 */
export interface BotCheck {
  /** A fresh, signed challenge as JSON, for the form's `data-challenge`. */
  newChallenge(): Promise<string>;
  /** True once per valid solution (the widget's base64 payload); false for anything else. */
  acceptProof(payload: string | undefined): Promise<boolean>;
  /** For a submission without a valid proof: admitted, or how long to wait. */
  admitWithoutProof(clientAddress: string): Promise<{ admitted: true } | { admitted: false; retryAfterSeconds: number }>;
}

export interface BotCheckOptions {
  /** PBKDF2 iterations per attempt. */
  cost: number;
  /** The solver tries counters from 0; the answer is drawn from this range. */
  counter: { min: number; max: number };
  /** A form may stay open a long time while a complaint is written. */
  validForMs: number;
  /** Submissions without a valid proof per client address and hour. */
  withoutProofPerHour: number;
}

export const defaultBotCheckOptions: BotCheckOptions = {
  cost: 1_000,
  counter: { min: 500, max: 1_500 },
  validForMs: 3 * 60 * 60 * 1000,
  withoutProofPerHour: 5,
};

const algorithm = 'PBKDF2/SHA-256';

export function createBotCheck(deps: AppDeps, options: BotCheckOptions = defaultBotCheckOptions): BotCheck {
  // Derived from the server secret, one per purpose: nothing to configure, nothing to leak.
  const hmacSignatureSecret = deps.keys.tag('altcha', 'challenge-signature');
  const hmacKeySignatureSecret = deps.keys.tag('altcha', 'key-signature');
  // Each solution once: enough entries for hours of submissions; the oldest go first.
  const used = new CappedMap<string, true>({ maxSize: 100_000 });
  const withoutProof = new RateLimiterMemory({ points: options.withoutProofPerHour, duration: 3600 });

  return {
    async newChallenge() {
      const challenge = await createChallenge({
        algorithm, cost: options.cost, deriveKey, hmacSignatureSecret, hmacKeySignatureSecret,
        counter: randomInt(options.counter.max, options.counter.min),
        // Our own expiry, on our clock (altcha-lib would compare its own with the wall clock).
        data: { expires: deps.clock.now().getTime() + options.validForMs },
      });
      return JSON.stringify(challenge);
    },

    async acceptProof(payload) {
      const proof = decodePayload(payload);
      if (!proof) return false;
      const expires = proof.challenge.parameters.data?.expires;
      if (typeof expires !== 'number' || expires < deps.clock.now().getTime()) return false;
      if (proof.challenge.parameters.algorithm !== algorithm) return false;
      let verified = false;
      try {
        verified = (await verifySolution({ challenge: proof.challenge, solution: proof.solution, deriveKey, hmacSignatureSecret, hmacKeySignatureSecret })).verified;
      } catch {
        return false; // parameters no signature could cover (a forged payload)
      }
      // Checked after verifying, so that a forged payload cannot fill the memory of used ones.
      return verified && proof.challenge.signature !== undefined && used.setIfAbsent(proof.challenge.signature, true);
    },

    async admitWithoutProof(clientAddress) {
      try {
        await withoutProof.consume(clientAddress);
        return { admitted: true };
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) return { admitted: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
        throw rejection;
      }
    },
  };
}

interface Proof {
  challenge: Challenge;
  solution: { counter: number; derivedKey: string };
}

/** The payload is base64 JSON `{ challenge, solution }`, as the ALTCHA widget sends it. */
function decodePayload(payload: string | undefined): Proof | undefined {
  if (!payload || payload.length > 4096) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(payload, 'base64').toString('utf8')) as Partial<Proof> | null;
    const challenge = parsed?.challenge;
    const solution = parsed?.solution;
    if (!challenge || typeof challenge !== 'object' || !challenge.parameters || typeof challenge.parameters !== 'object') return undefined;
    if (!solution || typeof solution !== 'object' || typeof solution.counter !== 'number' || typeof solution.derivedKey !== 'string') return undefined;
    return { challenge, solution };
  } catch {
    return undefined;
  }
}
