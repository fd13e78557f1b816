import type { StaffRole } from '../../domain/access/policy.js';
import { DomainError } from '../../domain/domain-error.js';
import { findStaffAccountById, insertStaffAccount } from '../../store/staff-accounts.js';
import { isActiveUnit } from '../../store/unit-records.js';
import { hashPassword } from '../auth/password-hash.js';
import type { AppDeps } from '../deps.js';
import { toStaffUserRecord, type StaffUserRecord } from './staff-user-record.js';

export interface CreateStaffUserInput {
  email: string;
  name: string;
  password: string;
  unitId: number;
  roles: StaffRole[];
}

export async function createStaffUser(deps: AppDeps, input: CreateStaffUserInput): Promise<StaffUserRecord> {
  // Hashed before the transaction opens: argon2's deliberate cost should not hold a connection.
  const passwordHash = await hashPassword(input.password);
  return deps.db.transaction().execute(async (trx) => {
    if (!(await isActiveUnit(trx, input.unitId))) throw new DomainError('request.invalid', {}, [{ pointer: '/unitId', code: 'unknown_reference' }]);
    const id = await insertStaffAccount(trx, { email: input.email, name: input.name, unitId: input.unitId, roles: [...new Set(input.roles)], passwordHash }, deps.clock.now());
    const row = await findStaffAccountById(trx, id);
    if (!row) throw new Error(`user ${id} vanished inside its own transaction`);
    return toStaffUserRecord(row);
  });
}
