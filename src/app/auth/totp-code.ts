import { generateURI, ScureBase32Plugin, verify } from 'otplib';
import type { AppDeps } from '../deps.js';

const issuer = 'Aduan';
const base32 = new ScureBase32Plugin();

/** 20 bytes (160 bits, RFC 4226's recommendation) from deps.random, Base32 as authenticator apps expect. */
export function newTotpSecret(deps: Pick<AppDeps, 'random'>): string {
  return base32.encode(deps.random.bytes(20), { padding: false });
}

export function totpUri(secret: string, accountEmail: string): string {
  return generateURI({ issuer, label: accountEmail, secret });
}

const periodSeconds = 30;

/**
 * The 30-second step a code belongs to, or null when it matches none: the current step and one
 * on either side count, for clocks that drift a little. Steps up to `afterTimeStep` are skipped,
 * so a code already used (or an older one) is refused (RFC 6238 §5.2); the caller must still
 * record the step it accepts with a compare-and-set, since two sign-ins may race.
 */
export async function acceptedTotpTimeStep(secret: string, code: string, now: Date, afterTimeStep: number | null = null): Promise<number | null> {
  if (!/^[0-9]{6}$/.test(code)) return null;
  const epoch = Math.floor(now.getTime() / 1000);
  // otplib refuses an afterTimeStep beyond the window it searches; nothing in the window is later then.
  const latestStepInWindow = Math.floor((epoch + periodSeconds) / periodSeconds);
  if (afterTimeStep !== null && afterTimeStep >= latestStepInWindow) return null;
  const result = await verify({
    secret, token: code, epoch, epochTolerance: periodSeconds, ...(afterTimeStep === null ? {} : { afterTimeStep }),
  });
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}

export function sealTotpSecret(deps: Pick<AppDeps, 'keys'>, userId: number, secret: string): Buffer {
  return deps.keys.seal(Buffer.from(secret, 'utf8'), `totp:${userId}`);
}

export function unsealTotpSecret(deps: Pick<AppDeps, 'keys'>, userId: number, sealed: Buffer): string {
  return deps.keys.unseal(sealed, `totp:${userId}`).toString('utf8');
}
