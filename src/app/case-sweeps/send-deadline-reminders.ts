import { defaultTimeZone } from '../../domain/service-level/working-calendar.js';
import type { Kysely } from 'kysely';
import { isCounting } from '../../domain/service-level/case-deadlines.js';
import { findDueReminders, lockCaseDeadlines, setNextReminderAt, type CaseDeadlineRow } from '../../store/case-deadlines.js';
import { lockComplaintIfFree } from '../../store/complaints.js';
import { linkDeadlineReminderToOutbox, listSentReminders, recordDeadlineReminder } from '../../store/deadline-reminders.js';
import { enqueueOutboxMessages } from '../../store/outbox.js';
import type { Database } from '../../store/schema.js';
import { findUnitById } from '../../store/units.js';
import { loadCase } from '../cases/load-case.js';
import type { AppDeps } from '../deps.js';
import { findAssignees } from './responsible-staff.js';
import { sweepCases, type CaseOutcome, type SweepReport } from './sweep-report.js';

/**
 * Reminds whoever must act on a case as each reminder threshold of a deadline passes (by
 * default at 50% and 80% of its time). Each reminder is recorded in `deadline_reminders`,
 * whose primary key admits it once, in the same transaction as its outbox messages, and only
 * by the worker holding the case row: two workers never send the same reminder.
 *
 * A worker that was down past several thresholds sends only the latest (the earlier ones are
 * recorded as passed over), and none once the deadline itself has passed: that is escalation's.
 */
export async function sendDeadlineReminders(deps: AppDeps, options: { batchSize?: number } = {}): Promise<SweepReport> {
  const batchSize = options.batchSize ?? 100;
  return sweepCases(
    async () => (await findDueReminders(deps.db, deps.clock.now(), batchSize)).map((row) => row.complaintId),
    (complaintId) => remindCase(deps, complaintId),
  );
}

async function remindCase(deps: AppDeps, complaintId: string): Promise<CaseOutcome> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx): Promise<CaseOutcome> => {
    if (!(await lockComplaintIfFree(trx, complaintId))) return 'busy';
    const due = (await lockCaseDeadlines(trx, complaintId)).filter((row) => row.nextReminderAt !== null && row.nextReminderAt.getTime() <= now.getTime());
    if (due.length === 0) return 'nothing';
    const { row, state } = await loadCase(trx, complaintId, { now, forUpdate: false });
    const sent = await listSentReminders(trx, complaintId);
    const assignees = await findAssignees(trx, state);
    let isSent = false;
    for (const deadline of due) {
      const sentPercents = sent.get(`${deadline.kind}:${deadline.cycle}`) ?? new Set<number>();
      const points = reminderPointsOf(deadline).filter((point) => !sentPercents.has(point.percent));
      const passed = isCounting(deadline) ? points.filter((point) => point.at.getTime() <= now.getTime()) : [];
      const latest = passed.at(-1);
      for (const point of passed) {
        const reminder = { complaintId, kind: deadline.kind, cycle: deadline.cycle, percent: point.percent };
        if (!(await recordDeadlineReminder(trx, { ...reminder, sentAt: now }))) continue;
        if (point !== latest || deadline.dueAt.getTime() <= now.getTime() || assignees.length === 0) continue;
        const timeZone = await timeZoneOf(trx, deadline.calendarUnitId);
        const [outboxId] = await enqueueOutboxMessages(trx, now, assignees.map((userId) => ({
          complaintId, eventId: null, channel: 'email' as const, recipient: { kind: 'staff' as const, userId }, template: 'deadline.reminder',
          data: {
            registerNumber: row.registerNumber, deadlineKind: deadline.kind, percent: point.percent, dueAt: deadline.dueAt.toISOString(),
            timeZone,
          },
        })));
        if (outboxId !== undefined) await linkDeadlineReminderToOutbox(trx, reminder, outboxId);
        isSent = true;
      }
      const next = isCounting(deadline) ? points.find((point) => !passed.includes(point)) : undefined;
      await setNextReminderAt(trx, complaintId, deadline.kind, next?.at ?? null);
    }
    return isSent ? 'done' : 'nothing';
  });
}

function reminderPointsOf(deadline: CaseDeadlineRow): { percent: number; at: Date }[] {
  const stored = Array.isArray(deadline.reminderPoints) ? deadline.reminderPoints as { percent: number; at: string }[] : [];
  return stored.map((point) => ({ percent: point.percent, at: new Date(point.at) })).sort((a, b) => a.percent - b.percent);
}

async function timeZoneOf(db: Kysely<Database>, unitId: number): Promise<string> {
  return (await findUnitById(db, unitId))?.timeZone ?? defaultTimeZone;
}
