import { requireCapability } from '../../domain/access/capabilities.js';
import type { HolidayKind } from '../../domain/service-level/indonesian-holidays.js';
import { recordAdminAction } from '../../store/admin-audit.js';
import { findHolidayById, insertHoliday } from '../../store/holidays.js';
import type { AppDeps } from '../deps.js';
import { auditActorId, type AdminActor } from './admin-actor.js';
import { createdRecord } from './audit-summary.js';
import { checkHolidayInput } from './holiday-input.js';
import { toHolidayRecord, type HolidayRecord } from './holiday-record.js';

export interface CreateHolidayInput {
  on: string;
  kind: HolidayKind;
  nameId: string;
  nameEn: string;
  unitId?: number | null | undefined;
  note?: string | null | undefined;
}

/**
 * Adds a non-working day. Deadlines worked out from now on skip it; those already set keep
 * their due time until the case's clock is next worked out (when it resumes or restarts).
 */
export async function createHoliday(deps: AppDeps, actor: AdminActor, input: CreateHolidayInput): Promise<HolidayRecord> {
  requireCapability(actor, 'configure');
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    await checkHolidayInput(trx, input);
    const id = await insertHoliday(trx, {
      holidayOn: input.on, kind: input.kind, nameId: input.nameId, nameEn: input.nameEn, unitId: input.unitId ?? null, note: input.note ?? null,
    }, now);
    const row = await findHolidayById(trx, id);
    if (!row) throw new Error(`holiday ${id} vanished inside its own transaction`);
    const record = toHolidayRecord(row);
    await recordAdminAction(trx, { actorId: auditActorId(actor), action: 'holiday.added', target: { type: 'holiday', id }, summary: { record: createdRecord(record) }, occurredAt: now });
    return record;
  });
}
