import { requireCapability } from '../../domain/access/capabilities.js';
import { DomainError } from '../../domain/domain-error.js';
import { recordAdminAction } from '../../store/admin-audit.js';
import { lockAdminRecord } from '../../store/admin-record-locks.js';
import { findCategoryById, updateCategory as updateStoredCategory } from '../../store/category-records.js';
import { isActiveUnit } from '../../store/unit-records.js';
import type { AppDeps } from '../deps.js';
import { auditActorId, type AdminActor } from './admin-actor.js';
import { changedFields } from './audit-summary.js';
import type { CreateCategoryInput } from './create-category.js';
import { toCategoryRecord, type CategoryRecord } from './category-record.js';

/** Everything but the code, which complaints and API clients refer to. */
export type UpdateCategoryInput = Partial<Omit<CreateCategoryInput, 'code'>>;

export async function updateCategory(deps: AppDeps, actor: AdminActor, id: number, input: UpdateCategoryInput): Promise<CategoryRecord> {
  requireCapability(actor, 'configure');
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    if (input.defaultUnitId !== undefined && input.defaultUnitId !== null && !(await isActiveUnit(trx, input.defaultUnitId))) {
      throw new DomainError('request.invalid', {}, [{ pointer: '/defaultUnitId', code: 'unknown_reference' }]);
    }
    const before = (await lockAdminRecord(trx, 'categories', id)) ? await findCategoryById(trx, id) : undefined;
    if (!before || !(await updateStoredCategory(trx, id, input, now))) throw new DomainError('admin.not_found');
    const row = await findCategoryById(trx, id);
    if (!row) throw new DomainError('admin.not_found');
    const record = toCategoryRecord(row);
    await recordAdminAction(trx, {
      actorId: auditActorId(actor), action: 'category.updated', target: { type: 'category', id }, summary: { changes: changedFields(toCategoryRecord(before), record) }, occurredAt: now,
    });
    return record;
  });
}
