import { DomainError } from '../../domain/domain-error.js';
import { findCategoryById, insertCategory } from '../../store/category-records.js';
import { isActiveUnit } from '../../store/unit-records.js';
import type { AppDeps } from '../deps.js';
import { toCategoryRecord, type CategoryRecord } from './category-record.js';

export interface CreateCategoryInput {
  code: string;
  nameId: string;
  nameEn: string;
  isWhistleblowing: boolean;
  defaultUnitId?: number | null;
}

export async function createCategory(deps: AppDeps, input: CreateCategoryInput): Promise<CategoryRecord> {
  return deps.db.transaction().execute(async (trx) => {
    const defaultUnitId = input.defaultUnitId ?? null;
    if (defaultUnitId !== null && !(await isActiveUnit(trx, defaultUnitId))) {
      throw new DomainError('request.invalid', {}, [{ pointer: '/defaultUnitId', code: 'unknown_reference' }]);
    }
    const id = await insertCategory(trx, { ...input, defaultUnitId }, deps.clock.now());
    const row = await findCategoryById(trx, id);
    if (!row) throw new Error(`category ${id} vanished inside its own transaction`);
    return toCategoryRecord(row);
  });
}
