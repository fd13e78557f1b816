import { requireCapability } from '../../domain/access/capabilities.js';
import { DomainError } from '../../domain/domain-error.js';
import { recordAdminAction } from '../../store/admin-audit.js';
import { lockAdminRecord } from '../../store/admin-record-locks.js';
import { findUnitById } from '../../store/units.js';
import { isActiveUnit, lockUnitTree, updateUnit as updateStoredUnit } from '../../store/unit-records.js';
import { findUnitPath } from '../../store/unit-tree.js';
import type { AppDeps } from '../deps.js';
import { auditActorId, type AdminActor } from './admin-actor.js';
import { changedFields } from './audit-summary.js';
import type { CreateUnitInput } from './create-unit.js';
import { checkTimeZone } from './time-zone.js';
import { toUnitRecord, type UnitRecord } from './unit-record.js';

export type UpdateUnitInput = Partial<CreateUnitInput>;

/** A unit may move in the tree, but never under itself or one of its own descendants. */
export async function updateUnit(deps: AppDeps, actor: AdminActor, id: number, input: UpdateUnitInput): Promise<UnitRecord> {
  requireCapability(actor, 'configure');
  if (input.timeZone !== undefined) checkTimeZone(input.timeZone);
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    if (input.parentId !== undefined && input.parentId !== null) {
      await lockUnitTree(trx);
      if (!(await isActiveUnit(trx, input.parentId))) throw new DomainError('request.invalid', {}, [{ pointer: '/parentId', code: 'unknown_reference' }]);
      if ((await findUnitPath(trx, input.parentId)).includes(id)) throw new DomainError('admin.unit_parent_cycle', { unitId: id, parentId: input.parentId });
    }
    // After the tree lock, never before it: deactivation takes them in that order too.
    const before = (await lockAdminRecord(trx, 'units', id)) ? await findUnitById(trx, id) : undefined;
    if (!before || !(await updateStoredUnit(trx, id, input, now))) throw new DomainError('admin.not_found');
    const row = await findUnitById(trx, id);
    if (!row) throw new DomainError('admin.not_found');
    const record = toUnitRecord(row);
    await recordAdminAction(trx, {
      actorId: auditActorId(actor), action: 'unit.updated', target: { type: 'unit', id }, summary: { changes: changedFields(toUnitRecord(before), record) }, occurredAt: now,
    });
    return record;
  });
}
