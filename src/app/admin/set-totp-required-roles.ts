import { requireCapability } from '../../domain/access/capabilities.js';
import type { StaffRole } from '../../domain/access/policy.js';
import { recordAdminAction } from '../../store/admin-audit.js';
import { readTotpRequiredRoles, writeTotpRequiredRoles } from '../../store/totp-required-roles.js';
import type { AppDeps } from '../deps.js';
import { auditActorId, type AdminActor } from './admin-actor.js';

/** Takes effect on the next request of every open session (see resolve-staff-session.ts). */
export async function setTotpRequiredRoles(deps: AppDeps, actor: AdminActor, roles: readonly StaffRole[]): Promise<StaffRole[]> {
  requireCapability(actor, 'configure');
  const unique = [...new Set(roles)];
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const before = await readTotpRequiredRoles(trx);
    await writeTotpRequiredRoles(trx, unique, now);
    await recordAdminAction(trx, {
      actorId: auditActorId(actor), action: 'settings.totp_required_roles_set', target: { type: 'setting', id: 'totp_required_roles' },
      summary: { changes: { roles: { from: before, to: unique } } }, occurredAt: now,
    });
  });
  return unique;
}
