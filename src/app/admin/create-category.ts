import { requireCapability } from '../../domain/access/capabilities.js';
import { DomainError } from '../../domain/domain-error.js';
import { recordAdminAction } from '../../store/admin-audit.js';
import { findCategoryById, insertCategory } from '../../store/category-records.js';
import { isActiveUnit } from '../../store/unit-records.js';
import type { AppDeps } from '../deps.js';
import { auditActorId, type AdminActor } from './admin-actor.js';
import { createdRecord } from './audit-summary.js';
import { toCategoryRecord, type CategoryRecord } from './category-record.js';

export interface CreateCategoryInput {
  code: string;
  nameId: string;
  nameEn: string;
  isWhistleblowing: boolean;
  defaultUnitId?: number | null;
}

export async function createCategory(deps: AppDeps, actor: AdminActor, input: CreateCategoryInput): Promise<CategoryRecord> {
  requireCapability(actor, 'configure');
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const defaultUnitId = input.defaultUnitId ?? null;
    if (defaultUnitId !== null && !(await isActiveUnit(trx, defaultUnitId))) {
      throw new DomainError('request.invalid', {}, [{ pointer: '/defaultUnitId', code: 'unknown_reference' }]);
    }
    const id = await insertCategory(trx, { ...input, defaultUnitId }, now);
    const row = await findCategoryById(trx, id);
    if (!row) throw new Error(`category ${id} vanished inside its own transaction`);
    const record = toCategoryRecord(row);
    await recordAdminAction(trx, { actorId: auditActorId(actor), action: 'category.created', target: { type: 'category', id }, summary: { record: createdRecord(record) }, occurredAt: now });
    return record;
  });
}
