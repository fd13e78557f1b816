import type { StaffActor } from '../../domain/access/policy.js';
import { isStaffRole } from '../../domain/access/staff-role.js';
import { findLiveStaffToken, touchStaffToken } from '../../store/staff-tokens.js';
import type { AppDeps } from '../deps.js';
import { hashStaffToken } from './staff-token-secret.js';

/** last_used_at is for people reviewing their tokens; minute precision spares a write per request. */
const lastUsedPrecisionMs = 60 * 1000;

export interface StaffSession {
  actor: StaffActor;
  tokenKind: 'session' | 'api';
  /**
   * The person holds a role an administrator marked as needing TOTP and has none yet: the
   * session may only enrol (and sign out). Checked on every request, so marking a role
   * takes effect at once for sessions already open.
   */
  isTotpEnrolmentRequired: boolean;
}

/** Whoever the token belongs to, including a session that may only enrol its second factor. */
export async function resolveStaffSession(deps: AppDeps, token: string): Promise<StaffSession | undefined> {
  const now = deps.clock.now();
  const live = await findLiveStaffToken(deps.db, hashStaffToken(deps, token), now);
  if (!live) return undefined;
  if (live.lastUsedAt === null || now.getTime() - live.lastUsedAt.getTime() >= lastUsedPrecisionMs) {
    await touchStaffToken(deps.db, live.tokenId, now, new Date(now.getTime() - lastUsedPrecisionMs));
  }
  const roles = live.roles.filter(isStaffRole);
  const required = Array.isArray(live.totpRequiredRoles) ? live.totpRequiredRoles : [];
  const isTotpEnrolmentRequired = !live.isTotpEnabled && roles.some((role) => required.includes(role));
  return {
    actor: { kind: 'staff', userId: live.userId, unitId: live.unitId, roles, teamIds: live.teamIds },
    tokenKind: live.kind === 'api' ? 'api' : 'session',
    isTotpEnrolmentRequired,
  };
}
