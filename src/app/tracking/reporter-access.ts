import { DomainError } from '../../domain/domain-error.js';
import { advanceReporterTokenGeneration, currentReporterTokenGeneration } from '../../store/reporter-token-generations.js';
import type { AppDeps } from '../deps.js';

/** How long a reporter stays signed in after proving register number + tracking code. */
export const reporterAccessTtlMs = 30 * 60 * 1000;

/** What a valid token stands for: one case, in the generation it was issued in. */
export interface ReporterAccess {
  complaintId: string;
  generation: number;
}

/**
 * A short-lived, signed token naming one case; it carries no code and no identity. It also
 * names the case's token generation: signing out moves that on, which ends this token and
 * every other one issued for the case before (the pages renew theirs on every visit).
 */
export function issueReporterAccessToken(deps: AppDeps, access: ReporterAccess): { accessToken: string; expiresAt: Date } {
  const expiresAt = new Date(deps.clock.now().getTime() + reporterAccessTtlMs);
  const payload = { c: access.complaintId, e: expiresAt.getTime(), g: access.generation };
  return { accessToken: deps.keys.signToken(JSON.stringify(payload)), expiresAt };
}

/** A fresh token for a case just opened with its register number and tracking code. */
export async function openReporterAccess(deps: AppDeps, complaintId: string): Promise<{ accessToken: string; expiresAt: Date }> {
  const generation = await currentReporterTokenGeneration(deps.db, complaintId);
  return issueReporterAccessToken(deps, { complaintId, generation });
}

export async function verifyReporterAccessToken(deps: AppDeps, token: string): Promise<ReporterAccess> {
  const access = signedAccessOf(deps, token);
  if (access.generation !== (await currentReporterTokenGeneration(deps.db, access.complaintId))) throw new DomainError('reporter.token_invalid');
  return access;
}

/**
 * Signing out: ends the token server-side, so neither the cookie nor a copy of the bearer
 * token opens the case again. A token already ended answers `reporter.token_invalid`.
 */
export async function endReporterAccess(deps: AppDeps, token: string): Promise<void> {
  const access = signedAccessOf(deps, token);
  const isEnded = await deps.db.transaction().execute((trx) => advanceReporterTokenGeneration(trx, access.complaintId, access.generation));
  if (!isEnded) throw new DomainError('reporter.token_invalid');
}

function signedAccessOf(deps: AppDeps, token: string): ReporterAccess {
  const payload = deps.keys.verifyToken(token);
  if (payload === undefined) throw new DomainError('reporter.token_invalid');
  let parsed: { c?: unknown; e?: unknown; g?: unknown };
  try {
    parsed = JSON.parse(payload) as typeof parsed;
  } catch {
    throw new DomainError('reporter.token_invalid');
  }
  if (typeof parsed.c !== 'string' || typeof parsed.e !== 'number' || parsed.e <= deps.clock.now().getTime()) {
    throw new DomainError('reporter.token_invalid');
  }
  // Tokens from before sign-out existed carry no generation: they belong to the first.
  const generation = parsed.g === undefined ? 0 : parsed.g;
  if (typeof generation !== 'number' || !Number.isInteger(generation)) throw new DomainError('reporter.token_invalid');
  return { complaintId: parsed.c, generation };
}
