import { DomainError } from '../../domain/domain-error.js';
import { findUnitById } from '../../store/units.js';
import { countActiveDependants, deactivateUnit as deactivateStoredUnit, lockUnitTree } from '../../store/unit-records.js';
import type { AppDeps } from '../deps.js';
import { toUnitRecord, type UnitRecord } from './unit-record.js';

/** Units keep their history (complaints, letters); a unit still holding active sub-units or staff stays, so nobody is orphaned. */
export async function deactivateUnit(deps: AppDeps, id: number): Promise<UnitRecord> {
  return deps.db.transaction().execute(async (trx) => {
    await lockUnitTree(trx);
    if (!(await findUnitById(trx, id))) throw new DomainError('admin.not_found');
    if ((await countActiveDependants(trx, id)) > 0) throw new DomainError('admin.unit_in_use');
    await deactivateStoredUnit(trx, id, deps.clock.now());
    const row = await findUnitById(trx, id);
    if (!row) throw new DomainError('admin.not_found');
    return toUnitRecord(row);
  });
}
