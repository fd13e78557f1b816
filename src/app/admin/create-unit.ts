import { requireCapability } from '../../domain/access/capabilities.js';
import { DomainError } from '../../domain/domain-error.js';
import { recordAdminAction } from '../../store/admin-audit.js';
import { findUnitById } from '../../store/units.js';
import { insertUnit, isActiveUnit } from '../../store/unit-records.js';
import type { AppDeps } from '../deps.js';
import { auditActorId, type AdminActor } from './admin-actor.js';
import { createdRecord } from './audit-summary.js';
import { checkTimeZone } from './time-zone.js';
import { toUnitRecord, type ApprovalLevel, type UnitRecord } from './unit-record.js';

export interface CreateUnitInput {
  code: string;
  name: string;
  parentId?: number | null;
  timeZone: string;
  approvalChain: ApprovalLevel[];
  address?: string | null;
}

export async function createUnit(deps: AppDeps, actor: AdminActor, input: CreateUnitInput): Promise<UnitRecord> {
  requireCapability(actor, 'configure');
  checkTimeZone(input.timeZone);
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const parentId = input.parentId ?? null;
    if (parentId !== null && !(await isActiveUnit(trx, parentId))) {
      throw new DomainError('request.invalid', {}, [{ pointer: '/parentId', code: 'unknown_reference' }]);
    }
    const id = await insertUnit(trx, { ...input, parentId, address: input.address ?? null }, now);
    const row = await findUnitById(trx, id);
    if (!row) throw new Error(`unit ${id} vanished inside its own transaction`);
    const record = toUnitRecord(row);
    await recordAdminAction(trx, { actorId: auditActorId(actor), action: 'unit.created', target: { type: 'unit', id }, summary: { record: createdRecord(record) }, occurredAt: now });
    return record;
  });
}
