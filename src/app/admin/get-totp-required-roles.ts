import type { StaffRole } from '../../domain/access/policy.js';
import { isStaffRole } from '../../domain/access/staff-role.js';
import { readTotpRequiredRoles } from '../../store/totp-required-roles.js';
import type { AppDeps } from '../deps.js';

export async function getTotpRequiredRoles(deps: AppDeps): Promise<StaffRole[]> {
  return (await readTotpRequiredRoles(deps.db)).filter(isStaffRole);
}
