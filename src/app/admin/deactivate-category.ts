import { requireCapability } from '../../domain/access/capabilities.js';
import { DomainError } from '../../domain/domain-error.js';
import { recordAdminAction } from '../../store/admin-audit.js';
import { lockAdminRecord } from '../../store/admin-record-locks.js';
import { deactivateCategory as deactivateStoredCategory, findCategoryById } from '../../store/category-records.js';
import type { AppDeps } from '../deps.js';
import { auditActorId, type AdminActor } from './admin-actor.js';
import { changedFields } from './audit-summary.js';
import { toCategoryRecord, type CategoryRecord } from './category-record.js';

/** New complaints can no longer choose it; those that did keep it. */
export async function deactivateCategory(deps: AppDeps, actor: AdminActor, id: number): Promise<CategoryRecord> {
  requireCapability(actor, 'configure');
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const before = (await lockAdminRecord(trx, 'categories', id)) ? await findCategoryById(trx, id) : undefined;
    if (!before || !(await deactivateStoredCategory(trx, id, now))) throw new DomainError('admin.not_found');
    const row = await findCategoryById(trx, id);
    if (!row) throw new DomainError('admin.not_found');
    const record = toCategoryRecord(row);
    await recordAdminAction(trx, {
      actorId: auditActorId(actor), action: 'category.deactivated', target: { type: 'category', id }, summary: { changes: changedFields(toCategoryRecord(before), record) }, occurredAt: now,
    });
    return record;
  });
}
