import type { CaseEvent } from '../../domain/case-event.js';
import { isCounting } from '../../domain/service-level/case-deadlines.js';
import { defaultTimeZone } from '../../domain/service-level/working-calendar.js';
import { findBreachedDeadlines, lockCaseDeadlines, markDeadlineEscalated } from '../../store/case-deadlines.js';
import { lockComplaintIfFree } from '../../store/complaints.js';
import type { NewOutboxMessage } from '../../store/outbox.js';
import { findUnitById } from '../../store/units.js';
import { commitCaseEvents } from '../case-commit/commit-case-events.js';
import { loadCase } from '../cases/load-case.js';
import type { AppDeps } from '../deps.js';
import { findSupervisors } from './responsible-staff.js';
import { sweepCases, type CaseOutcome, type SweepReport } from './sweep-report.js';

/**
 * Escalates every deadline that passed unmet while its clock ran: a `case.deadline_missed`
 * event on the case (recorded by the system), the case flagged overdue (`overdue_since`, the
 * inbox's `overdue` filter), and a mail and notification to the head of its unit, all in one
 * transaction. Once per deadline and cycle: the row's `escalated_at` is set under the case's
 * lock, which only one worker can hold.
 */
export async function escalateMissedDeadlines(deps: AppDeps, options: { batchSize?: number } = {}): Promise<SweepReport> {
  const batchSize = options.batchSize ?? 100;
  return sweepCases(
    async () => (await findBreachedDeadlines(deps.db, deps.clock.now(), batchSize)).map((row) => row.complaintId),
    (complaintId) => escalateCase(deps, complaintId),
  );
}

async function escalateCase(deps: AppDeps, complaintId: string): Promise<CaseOutcome> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx): Promise<CaseOutcome> => {
    if (!(await lockComplaintIfFree(trx, complaintId))) return 'busy';
    // Read again under the lock: a staff action may have met the deadline since the scan.
    const breached = (await lockCaseDeadlines(trx, complaintId))
      .filter((row) => isCounting(row) && row.escalatedAt === null && row.dueAt.getTime() < now.getTime());
    if (breached.length === 0) return 'nothing';
    for (const row of breached) await markDeadlineEscalated(trx, complaintId, row.kind, now);
    const current = await loadCase(trx, complaintId, { now, forUpdate: false });
    const supervisors = await findSupervisors(trx, current.state, current.context.unitPath);
    const timeZone = (await findUnitById(trx, current.state.unitId))?.timeZone ?? defaultTimeZone;
    const events: CaseEvent[] = breached.map((row) => ({
      // The column's check constraint admits only the three kinds.
      type: 'case.deadline_missed', data: { kind: row.kind, cycle: row.cycle, dueAt: row.dueAt.toISOString() },
    }));
    await commitCaseEvents(deps, trx, current, { kind: 'system' }, events, now, (eventIds) => breached.flatMap((row, index) =>
      supervisors.map((userId): NewOutboxMessage => ({
        complaintId, eventId: eventIds[index] ?? null, channel: 'email', recipient: { kind: 'staff', userId }, template: 'deadline.missed',
        data: { registerNumber: current.row.registerNumber, deadlineKind: row.kind, dueAt: row.dueAt.toISOString(), timeZone },
      }))));
    return 'done';
  });
}
