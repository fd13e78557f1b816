import type { Kysely } from 'kysely';
import type { RecordedCaseEvent } from '../../domain/case-event.js';
import type { ComplaintStatus } from '../../domain/complaint/complaint-status.js';
import {
  deadlineClocksOf, nextReminderAt, overdueSinceOf, planDeadline, type PlannedDeadline,
} from '../../domain/service-level/case-deadlines.js';
import { nextFollowUp } from '../../domain/service-level/case-follow-up.js';
import type { Duration } from '../../domain/service-level/deadline.js';
import type { DeadlineKind } from '../../domain/service-level/deadline-kind.js';
import { defaultResponseDuration } from '../../domain/service-level/default-policy.js';
import { choosePolicy, type PolicySubject } from '../../domain/service-level/service-level-policy.js';
import type { WorkingCalendar } from '../../domain/service-level/working-calendar.js';
import type { CaseDeadlineRow, CaseDeadlineValues } from '../../store/case-deadlines.js';
import { listSentReminders } from '../../store/deadline-reminders.js';
import type { Database } from '../../store/schema.js';
import type { Caches } from '../caches.js';
import { calendarForUnit, currentServiceLevels, type ServiceLevels } from './current-service-levels.js';

export interface CaseDeadlinePlanInput {
  complaintId: string;
  /** Every event of the case, including the ones being recorded now. */
  events: readonly RecordedCaseEvent[];
  status: ComplaintStatus;
  /** What the policy is chosen by, as the case stands now. */
  subject: PolicySubject;
  /** The case's unit now: a clock that starts now counts on its calendar. */
  unitId: number;
  /**
   * Triage changed what the policy is chosen by (category, priority, whistleblowing): the
   * deadlines not yet met take the new policy's durations, still counted from their start.
   */
  isPolicyChanged: boolean;
  /** The deadlines as stored before this change (none at submission). */
  existing: readonly CaseDeadlineRow[];
  /** The case's unit when the caller has already read it: spares reading it again. */
  knownUnit?: { id: number; timeZone: string } | undefined;
  now: Date;
}

export interface CaseDeadlinePlan {
  rows: CaseDeadlineValues[];
  planned: PlannedDeadline[];
  /** The inbox sorts by it; while the case waits for the reporter it is the due time when the clock stopped. */
  responseDueAt: Date | null;
  overdueSince: Date | null;
  followUpAt: Date | null;
}

/**
 * A case's deadlines after a change, worked out from its events on the current policies and
 * calendars: the policy is chosen when a clock starts (submission, referral, appeal) and again
 * when triage changes what it depends on; otherwise each deadline keeps the duration and the
 * calendar it started with, so an administrator's later edit does not move promises already made.
 */
export async function planCaseDeadlines(caches: Caches, trx: Kysely<Database>, input: CaseDeadlinePlanInput): Promise<CaseDeadlinePlan> {
  const levels = await currentServiceLevels(caches, trx);
  const calendars = new Map<number, WorkingCalendar>();
  const calendarOf = async (unitId: number): Promise<WorkingCalendar> => {
    let calendar = calendars.get(unitId);
    if (calendar === undefined) {
      const { knownUnit } = input;
      // With no unit-scoped holidays a calendar depends on the time zone alone.
      calendar = knownUnit?.id === unitId && !levels.hasUnitHolidays
        ? levels.calendarOf(knownUnit.timeZone, [unitId])
        : await calendarForUnit(trx, levels, unitId);
      calendars.set(unitId, calendar);
    }
    return calendar;
  };
  const sent = input.existing.length === 0 ? new Map<string, Set<number>>() : await listSentReminders(trx, input.complaintId);
  let chosen: ReturnType<typeof chosenDurations> | undefined;

  const rows: CaseDeadlineValues[] = [];
  const planned: PlannedDeadline[] = [];
  for (const clock of deadlineClocksOf(input.events)) {
    const previous = input.existing.find((row) => row.kind === clock.kind);
    const isSameCycle = previous !== undefined && previous.cycle === clock.cycle;
    const isStillOpen = clock.metAt === null && clock.endedAt === null;
    let duration: Duration;
    let policyId: number | null;
    if (isSameCycle && !(input.isPolicyChanged && isStillOpen)) {
      duration = { amount: previous.durationAmount, unit: previous.durationUnit };
      policyId = previous.policyId;
    } else {
      chosen ??= chosenDurations(levels, input.subject);
      duration = chosen.durations[clock.kind];
      policyId = chosen.policyId;
    }
    const calendarUnitId = isSameCycle ? previous.calendarUnitId : input.unitId;
    const deadline = planDeadline(clock, duration, await calendarOf(calendarUnitId), levels.settings.reminderPercents);
    // Escalated once per breach: kept while the deadline is the one that was escalated, dropped
    // when a longer policy (or a new cycle) moved it past the escalation.
    const escalatedAt = isSameCycle && previous.escalatedAt !== null && deadline.dueAt.getTime() <= previous.escalatedAt.getTime()
      ? previous.escalatedAt : null;
    planned.push(deadline);
    rows.push({
      complaintId: input.complaintId, kind: clock.kind, cycle: clock.cycle, policyId, durationAmount: duration.amount, durationUnit: duration.unit,
      calendarUnitId, startsAt: deadline.startsAt, dueAt: deadline.dueAt, dueSoonAt: deadline.dueSoonAt, pausedAt: deadline.pausedAt,
      metAt: deadline.metAt, endedAt: deadline.endedAt,
      reminderPoints: deadline.reminderPoints.map((point) => ({ percent: point.percent, at: point.at.toISOString() })),
      nextReminderAt: nextReminderAt(deadline, sent.get(`${clock.kind}:${clock.cycle}`) ?? new Set()),
      escalatedAt,
    });
  }
  const followUp = nextFollowUp(input.status, input.events, levels.settings, await calendarOf(input.unitId));
  return {
    rows, planned,
    responseDueAt: planned.find((deadline) => deadline.kind === 'response')?.dueAt ?? null,
    overdueSince: overdueSinceOf(planned, input.now),
    followUpAt: followUp?.at ?? null,
  };
}

function chosenDurations(levels: ServiceLevels, subject: PolicySubject): { policyId: number | null; durations: Record<DeadlineKind, Duration> } {
  const policy = choosePolicy(levels.policies, subject);
  if (policy !== undefined) return { policyId: policy.id, durations: policy.durations };
  // Only if every policy was deactivated, which administration refuses for the last catch-all.
  return {
    policyId: null,
    durations: {
      acknowledgement: { amount: 1, unit: 'working_days' },
      verification: { amount: 3, unit: 'working_days' },
      response: defaultResponseDuration(subject.channel, subject.isWhistleblowing),
    },
  };
}
