import { DomainError } from '../../domain/domain-error.js';
import type { AppDeps } from '../deps.js';

/** How long a reporter stays signed in after proving register number + tracking code. */
export const reporterAccessTtlMs = 30 * 60 * 1000;

/** A short-lived, signed token naming one case; it carries no code and no identity. */
export function issueReporterAccessToken(deps: AppDeps, complaintId: string): { accessToken: string; expiresAt: Date } {
  const expiresAt = new Date(deps.clock.now().getTime() + reporterAccessTtlMs);
  return { accessToken: deps.keys.signToken(JSON.stringify({ c: complaintId, e: expiresAt.getTime() })), expiresAt };
}

export function verifyReporterAccessToken(deps: AppDeps, token: string): string {
  const payload = deps.keys.verifyToken(token);
  if (payload === undefined) throw new DomainError('reporter.token_invalid');
  const parsed = JSON.parse(payload) as { c?: unknown; e?: unknown };
  if (typeof parsed.c !== 'string' || typeof parsed.e !== 'number' || parsed.e <= deps.clock.now().getTime()) {
    throw new DomainError('reporter.token_invalid');
  }
  return parsed.c;
}
