import type { StaffActor } from '../../domain/access/policy.js';
import { DomainError } from '../../domain/domain-error.js';
import { findStaffAccountById } from '../../store/staff-accounts.js';
import type { AppDeps } from '../deps.js';

export interface StaffProfile {
  id: number;
  email: string;
  name: string;
  unitId: number;
  roles: readonly string[];
  teamIds: readonly number[];
  isTotpEnabled: boolean;
}

export async function getStaffProfile(deps: AppDeps, actor: StaffActor): Promise<StaffProfile> {
  const user = await findStaffAccountById(deps.db, actor.userId);
  if (!user) throw new DomainError('auth.required');
  return { id: user.id, email: user.email, name: user.name, unitId: user.unitId, roles: actor.roles, teamIds: actor.teamIds, isTotpEnabled: user.totpEnabledAt !== null };
}
