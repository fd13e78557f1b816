import { requireCapability } from '../../domain/access/capabilities.js';
import type { StaffRole } from '../../domain/access/policy.js';
import { DomainError } from '../../domain/domain-error.js';
import { recordAdminAction } from '../../store/admin-audit.js';
import { findStaffAccountById, insertStaffAccount } from '../../store/staff-accounts.js';
import { isActiveUnit } from '../../store/unit-records.js';
import { hashPassword } from '../auth/password-hash.js';
import type { AppDeps } from '../deps.js';
import { auditActorId, type AdminActor } from './admin-actor.js';
import { createdRecord } from './audit-summary.js';
import { toStaffUserRecord, type StaffUserRecord } from './staff-user-record.js';

export interface CreateStaffUserInput {
  email: string;
  name: string;
  password: string;
  unitId: number;
  roles: StaffRole[];
  /** Nomor Induk Pegawai, printed under the signature of a letter this person signs. */
  nip?: string | null;
  /** Jabatan, e.g. "Kepala Bagian Umum", printed above the signer's name. */
  position?: string | null;
}

export async function createStaffUser(deps: AppDeps, actor: AdminActor, input: CreateStaffUserInput): Promise<StaffUserRecord> {
  requireCapability(actor, 'configure');
  // Hashed before the transaction opens: argon2's deliberate cost should not hold a connection.
  const passwordHash = await hashPassword(input.password);
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    if (!(await isActiveUnit(trx, input.unitId))) throw new DomainError('request.invalid', {}, [{ pointer: '/unitId', code: 'unknown_reference' }]);
    const id = await insertStaffAccount(trx, { email: input.email, name: input.name, unitId: input.unitId, roles: [...new Set(input.roles)], passwordHash, nip: input.nip ?? null, position: input.position ?? null }, now);
    const row = await findStaffAccountById(trx, id);
    if (!row) throw new Error(`user ${id} vanished inside its own transaction`);
    const record = toStaffUserRecord(row);
    // The record never carries the password or its hash.
    await recordAdminAction(trx, { actorId: auditActorId(actor), action: 'staff_user.created', target: { type: 'staff_user', id }, summary: { record: createdRecord(record) }, occurredAt: now });
    return record;
  });
}
