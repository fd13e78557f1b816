import { DomainError } from '../../domain/domain-error.js';
import { deactivateCategory as deactivateStoredCategory, findCategoryById } from '../../store/category-records.js';
import type { AppDeps } from '../deps.js';
import { toCategoryRecord, type CategoryRecord } from './category-record.js';

/** New complaints can no longer choose it; those that did keep it. */
export async function deactivateCategory(deps: AppDeps, id: number): Promise<CategoryRecord> {
  return deps.db.transaction().execute(async (trx) => {
    if (!(await deactivateStoredCategory(trx, id, deps.clock.now()))) throw new DomainError('admin.not_found');
    const row = await findCategoryById(trx, id);
    if (!row) throw new DomainError('admin.not_found');
    return toCategoryRecord(row);
  });
}
