/**
 * A case's deadlines, read from its events: when each clock started, when it was stopped
 * (the case waiting in `needs_info`), and when it was met or no longer applied.
 *
 * Which event meets which deadline:
 * - acknowledgement: the first thing a staff member records on the case. A complaint recorded
 *   by an intake officer (walk-in, letter, box, phone) is acknowledged by that recording; one
 *   that came in by itself (web) by the first staff action on it (verify, request_info, a note,
 *   a message, triage …). Unsealing an identity is not handling the complaint and does not count.
 * - verification: `case.verified` or `case.rejected` (either is the verifier's decision).
 * - response: `response.sent`. A rejection ends it (the reporter has been told why nothing
 *   follows), and so do a referral outside, a merge, a withdrawal and closing.
 * - `case.resolved_at_desk` meets all three at once: answered on the spot.
 *
 * Clocks restart (a new cycle, counted from the event): all three when the case is referred to
 * another unit, which verifies and answers it anew; the response when the reporter appeals.
 */

import type { RecordedCaseEvent } from '../case-event.js';
import { addDurationFractionWithPauses, addDurationWithPauses, type Duration, type Pause } from './deadline.js';
import { deadlineKinds, type DeadlineKind } from './deadline-kind.js';
import type { WorkingCalendar } from './working-calendar.js';

export interface DeadlineClock {
  kind: DeadlineKind;
  /** 1 from submission; one more each time the clock restarts. */
  cycle: number;
  startsAt: Date;
  /** The clock's stops in this cycle; the last has `to: null` while the case still waits. */
  pauses: Pause[];
  metAt: Date | null;
  /** When the deadline stopped applying without being met (rejected, withdrawn, merged …). */
  endedAt: Date | null;
}

/** From this share of its time on, a deadline is "due soon". */
export const dueSoonFraction = 0.8;

/** Folds a case's events into the state of its three clocks. */
export function deadlineClocksOf(events: readonly RecordedCaseEvent[]): DeadlineClock[] {
  // Written as a loop over a three-slot array with helpers outside it: this runs for every
  // case on every change, and 100,000 cases must plan in well under a second (bench/deadlines).
  const clocks: Clocks = [undefined, undefined, undefined];
  let pausedFrom: Date | null = null;
  for (const event of inSequence(events)) {
    const at = event.occurredAt;
    if (event.type === 'complaint.submitted') {
      restart(clocks, allKinds, new Date(event.data.receivedAt));
      if (event.actor.kind === 'staff') meet(clocks, acknowledgement, at);
      continue;
    }
    // Reading (unsealing, exporting a dossier) is not acknowledging.
    if (event.actor.kind === 'staff' && event.type !== 'identity.unsealed' && event.type !== 'case.exported') meet(clocks, acknowledgement, at);
    switch (event.type) {
      case 'case.info_requested':
        pausedFrom ??= at;
        break;
      case 'reporter.answered':
        pausedFrom = resume(clocks, pausedFrom, at);
        break;
      case 'case.verified':
        meet(clocks, verification, at);
        break;
      case 'case.rejected':
        pausedFrom = resume(clocks, pausedFrom, at);
        meet(clocks, verification, at);
        endAll(clocks, at);
        break;
      case 'response.sent':
        meet(clocks, response, at);
        break;
      case 'case.resolved_at_desk':
        for (const index of allKinds) meet(clocks, index, at);
        break;
      case 'case.appealed':
        pausedFrom = resume(clocks, pausedFrom, at);
        restart(clocks, responseOnly, at);
        break;
      case 'case.referred':
        pausedFrom = resume(clocks, pausedFrom, at);
        if (event.data.to.kind === 'unit') restart(clocks, allKinds, at);
        else endAll(clocks, at);
        break;
      case 'case.merged':
      case 'case.withdrawn':
      case 'case.closed':
      case 'case.closed_automatically':
        pausedFrom = resume(clocks, pausedFrom, at);
        endAll(clocks, at);
        break;
      default:
        break;
    }
  }
  const result: DeadlineClock[] = [];
  for (const clock of clocks) {
    if (clock === undefined) continue;
    if (pausedFrom !== null && isOpen(clock)) clock.pauses = [...clock.pauses, { from: pausedFrom, to: null }];
    result.push(clock);
  }
  return result;
}

type Clocks = [DeadlineClock | undefined, DeadlineClock | undefined, DeadlineClock | undefined];
const acknowledgement = 0;
const verification = 1;
const response = 2;
const allKinds = [acknowledgement, verification, response] as const;
const responseOnly = [response] as const;

/** The events in sequence order; stores hand them over sorted, so usually as they are. */
function inSequence(events: readonly RecordedCaseEvent[]): readonly RecordedCaseEvent[] {
  let previous = -Infinity;
  for (const event of events) {
    if (event.sequence < previous) return [...events].sort((a, b) => a.sequence - b.sequence);
    previous = event.sequence;
  }
  return events;
}

function isOpen(clock: DeadlineClock): boolean {
  return clock.metAt === null && clock.endedAt === null;
}

function meet(clocks: Clocks, index: number, at: Date): void {
  const clock = clocks[index];
  if (clock !== undefined && isOpen(clock)) clock.metAt = at;
}

function endAll(clocks: Clocks, at: Date): void {
  for (const clock of clocks) if (clock !== undefined && isOpen(clock)) clock.endedAt = at;
}

function restart(clocks: Clocks, indices: readonly number[], at: Date): void {
  for (const index of indices) {
    const kind = deadlineKinds[index];
    if (kind === undefined) continue;
    clocks[index] = { kind, cycle: (clocks[index]?.cycle ?? 0) + 1, startsAt: at, pauses: noPauses, metAt: null, endedAt: null };
  }
}

/** Ends the stop (if any) for every clock still running; answers the new `pausedFrom`, null. */
function resume(clocks: Clocks, pausedFrom: Date | null, at: Date): null {
  if (pausedFrom === null) return null;
  for (const clock of clocks) if (clock !== undefined && isOpen(clock)) clock.pauses = [...clock.pauses, { from: pausedFrom, to: at }];
  return null;
}

// Most clocks never stop: they share one empty list, and a stop replaces it with a list of their own.
const noPauses: Pause[] = [];

export interface ReminderPoint {
  /** Share of the time gone, in percent (50, 80). */
  percent: number;
  at: Date;
}

/** A deadline as stored and shown: a clock with its duration worked out on a calendar. */
export interface PlannedDeadline {
  kind: DeadlineKind;
  cycle: number;
  startsAt: Date;
  duration: Duration;
  /**
   * When it is due. While the clock is stopped this is the due time as it stood when it
   * stopped; it moves later by the stopped (working) time once the case resumes.
   */
  dueAt: Date;
  /** When `dueSoonFraction` of the time has gone (the due time itself once met or ended: it no longer matters). */
  dueSoonAt: Date;
  /** Set while a pause that began before the due time still runs. */
  pausedAt: Date | null;
  metAt: Date | null;
  endedAt: Date | null;
  /** When each reminder falls due (with the pauses so far); none once met or ended. */
  reminderPoints: ReminderPoint[];
}

/**
 * Works out a clock's due time on a calendar. A pause that begins only after the deadline
 * has passed does not stop it: the breach has happened, and the case is overdue.
 */
export function planDeadline(
  clock: DeadlineClock,
  duration: Duration,
  calendar: WorkingCalendar,
  reminderPercents: readonly number[],
): PlannedDeadline {
  let closedPauses: Pause[] = clock.pauses;
  let openPause: Pause | undefined;
  const last = clock.pauses[clock.pauses.length - 1];
  if (last !== undefined && last.to === null) {
    openPause = last;
    closedPauses = clock.pauses.slice(0, -1);
  }
  const dueAt = instantAt(clock, duration, calendar, closedPauses, 1);
  const isRunning = clock.metAt === null && clock.endedAt === null;
  let dueSoonAt = dueAt;
  const reminderPoints: ReminderPoint[] = [];
  // A deadline met or ended is only ever shown as met or missed: no reminders, no "due soon".
  if (isRunning) {
    dueSoonAt = instantAt(clock, duration, calendar, closedPauses, dueSoonFraction);
    const percents = reminderPercents.length === 2 && (reminderPercents[0] ?? 0) < (reminderPercents[1] ?? 0)
      ? reminderPercents : [...new Set(reminderPercents)].sort((a, b) => a - b);
    for (const percent of percents) {
      if (!(percent > 0 && percent < 100)) continue;
      const at = percent === dueSoonFraction * 100 ? dueSoonAt : instantAt(clock, duration, calendar, closedPauses, percent / 100);
      reminderPoints.push({ percent, at });
    }
  }
  return {
    kind: clock.kind,
    cycle: clock.cycle,
    startsAt: clock.startsAt,
    duration,
    dueAt,
    dueSoonAt,
    pausedAt: isRunning && openPause !== undefined && openPause.from.getTime() < dueAt.getTime() ? openPause.from : null,
    metAt: clock.metAt,
    endedAt: clock.endedAt,
    reminderPoints,
  };
}

function instantAt(clock: DeadlineClock, duration: Duration, calendar: WorkingCalendar, closedPauses: readonly Pause[], fraction: number): Date {
  const instant = fraction === 1
    ? addDurationWithPauses(clock.startsAt, duration, calendar, closedPauses)
    : addDurationFractionWithPauses(clock.startsAt, duration, calendar, closedPauses, fraction);
  // Only an open pause gives null, and only the closed ones are passed.
  if (instant === null) throw new Error('planDeadline: a deadline without open pauses has a due time');
  return instant;
}

/** Whether the deadline still runs and counts: not met, not ended, not stopped. */
export function isCounting(deadline: Pick<PlannedDeadline, 'metAt' | 'endedAt' | 'pausedAt'>): boolean {
  return deadline.metAt === null && deadline.endedAt === null && deadline.pausedAt === null;
}

/** The next reminder not yet sent, or null when none is left or the clock does not count. */
export function nextReminderAt(deadline: PlannedDeadline, sentPercents: ReadonlySet<number>): Date | null {
  if (!isCounting(deadline)) return null;
  const next = deadline.reminderPoints.find((point) => !sentPercents.has(point.percent));
  return next?.at ?? null;
}

/**
 * Since when the case is overdue: the earliest due time already passed of a deadline that
 * still counts, or null. The inbox's `overdue` filter and the escalation job read the same.
 */
export function overdueSinceOf(deadlines: readonly PlannedDeadline[], now: Date): Date | null {
  let since: Date | null = null;
  for (const deadline of deadlines) {
    if (!isCounting(deadline) || deadline.dueAt.getTime() >= now.getTime()) continue;
    if (since === null || deadline.dueAt.getTime() < since.getTime()) since = deadline.dueAt;
  }
  return since;
}
