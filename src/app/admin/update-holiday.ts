import { requireCapability } from '../../domain/access/capabilities.js';
import { DomainError } from '../../domain/domain-error.js';
import { recordAdminAction } from '../../store/admin-audit.js';
import { findHolidayById, lockHoliday, updateHoliday as updateStoredHoliday } from '../../store/holidays.js';
import type { AppDeps } from '../deps.js';
import { auditActorId, type AdminActor } from './admin-actor.js';
import { changedFields } from './audit-summary.js';
import type { CreateHolidayInput } from './create-holiday.js';
import { checkHolidayInput } from './holiday-input.js';
import { toHolidayRecord, type HolidayRecord } from './holiday-record.js';

/** A moved date (a decree amended, an Islamic holiday shifted by the sighting), a new name, or reactivation. */
export type UpdateHolidayInput = Partial<CreateHolidayInput> & { isActive?: boolean | undefined };

export async function updateHoliday(deps: AppDeps, actor: AdminActor, id: number, input: UpdateHolidayInput): Promise<HolidayRecord> {
  requireCapability(actor, 'configure');
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const before = await lockHoliday(trx, id);
    if (!before) throw new DomainError('admin.not_found');
    await checkHolidayInput(trx, input);
    const { on, ...rest } = input;
    await updateStoredHoliday(trx, id, { ...rest, ...(on === undefined ? {} : { holidayOn: on }) }, now);
    const row = await findHolidayById(trx, id);
    if (!row) throw new DomainError('admin.not_found');
    const record = toHolidayRecord(row);
    await recordAdminAction(trx, {
      actorId: auditActorId(actor), action: 'holiday.updated', target: { type: 'holiday', id }, summary: { changes: changedFields(toHolidayRecord(before), record) }, occurredAt: now,
    });
    return record;
  });
}
