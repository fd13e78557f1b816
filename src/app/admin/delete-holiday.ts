import { requireCapability } from '../../domain/access/capabilities.js';
import { DomainError } from '../../domain/domain-error.js';
import { recordAdminAction } from '../../store/admin-audit.js';
import { findHolidayById, lockHoliday, updateHoliday } from '../../store/holidays.js';
import type { AppDeps } from '../deps.js';
import { auditActorId, type AdminActor } from './admin-actor.js';
import { toHolidayRecord, type HolidayRecord } from './holiday-record.js';

/**
 * Makes the day a working day again. The entry is kept, inactive, so the calendar's history
 * stays readable (which days were off when a deadline was set); it can be reactivated.
 */
export async function deleteHoliday(deps: AppDeps, actor: AdminActor, id: number): Promise<HolidayRecord> {
  requireCapability(actor, 'configure');
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const before = await lockHoliday(trx, id);
    if (!before) throw new DomainError('admin.not_found');
    if (before.isActive) await updateHoliday(trx, id, { isActive: false }, now);
    const row = await findHolidayById(trx, id);
    if (!row) throw new DomainError('admin.not_found');
    const record = toHolidayRecord(row);
    if (before.isActive) {
      await recordAdminAction(trx, { actorId: auditActorId(actor), action: 'holiday.deleted', target: { type: 'holiday', id }, summary: { on: record.on, nameId: record.nameId }, occurredAt: now });
    }
    return record;
  });
}
