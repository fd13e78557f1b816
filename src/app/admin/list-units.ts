import { listUnits as listStoredUnits } from '../../store/unit-records.js';
import type { AppDeps } from '../deps.js';
import { toUnitRecord, type UnitRecord } from './unit-record.js';

export async function listUnits(deps: AppDeps): Promise<UnitRecord[]> {
  return (await listStoredUnits(deps.db)).map(toUnitRecord);
}
