import { DomainError } from '../../domain/domain-error.js';
import { findCategoryById, updateCategory as updateStoredCategory } from '../../store/category-records.js';
import { isActiveUnit } from '../../store/unit-records.js';
import type { AppDeps } from '../deps.js';
import type { CreateCategoryInput } from './create-category.js';
import { toCategoryRecord, type CategoryRecord } from './category-record.js';

/** Everything but the code, which complaints and API clients refer to. */
export type UpdateCategoryInput = Partial<Omit<CreateCategoryInput, 'code'>>;

export async function updateCategory(deps: AppDeps, id: number, input: UpdateCategoryInput): Promise<CategoryRecord> {
  return deps.db.transaction().execute(async (trx) => {
    if (input.defaultUnitId !== undefined && input.defaultUnitId !== null && !(await isActiveUnit(trx, input.defaultUnitId))) {
      throw new DomainError('request.invalid', {}, [{ pointer: '/defaultUnitId', code: 'unknown_reference' }]);
    }
    if (!(await updateStoredCategory(trx, id, input, deps.clock.now()))) throw new DomainError('admin.not_found');
    const row = await findCategoryById(trx, id);
    if (!row) throw new DomainError('admin.not_found');
    return toCategoryRecord(row);
  });
}
