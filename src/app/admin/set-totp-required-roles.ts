import type { StaffRole } from '../../domain/access/policy.js';
import { writeTotpRequiredRoles } from '../../store/totp-required-roles.js';
import type { AppDeps } from '../deps.js';

/** Takes effect on the next request of every open session (see authenticate-staff.ts). */
export async function setTotpRequiredRoles(deps: AppDeps, roles: readonly StaffRole[]): Promise<StaffRole[]> {
  const unique = [...new Set(roles)];
  await deps.db.transaction().execute((trx) => writeTotpRequiredRoles(trx, unique, deps.clock.now()));
  return unique;
}
