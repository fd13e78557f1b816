import { requireCapability } from '../../domain/access/capabilities.js';
import { DomainError } from '../../domain/domain-error.js';
import { recordAdminAction } from '../../store/admin-audit.js';
import { lockAdminRecord } from '../../store/admin-record-locks.js';
import { findUnitById } from '../../store/units.js';
import { countActiveDependants, deactivateUnit as deactivateStoredUnit, lockUnitTree } from '../../store/unit-records.js';
import type { AppDeps } from '../deps.js';
import { auditActorId, type AdminActor } from './admin-actor.js';
import { changedFields } from './audit-summary.js';
import { toUnitRecord, type UnitRecord } from './unit-record.js';

/** Units keep their history (complaints, letters); a unit still holding active sub-units or staff stays, so nobody is orphaned. */
export async function deactivateUnit(deps: AppDeps, actor: AdminActor, id: number): Promise<UnitRecord> {
  requireCapability(actor, 'configure');
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    await lockUnitTree(trx);
    const before = (await lockAdminRecord(trx, 'units', id)) ? await findUnitById(trx, id) : undefined;
    if (!before) throw new DomainError('admin.not_found');
    if ((await countActiveDependants(trx, id)) > 0) throw new DomainError('admin.unit_in_use');
    await deactivateStoredUnit(trx, id, now);
    const row = await findUnitById(trx, id);
    if (!row) throw new DomainError('admin.not_found');
    const record = toUnitRecord(row);
    await recordAdminAction(trx, {
      actorId: auditActorId(actor), action: 'unit.deactivated', target: { type: 'unit', id }, summary: { changes: changedFields(toUnitRecord(before), record) }, occurredAt: now,
    });
    return record;
  });
}
