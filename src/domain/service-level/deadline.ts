/**
 * Deadline arithmetic for service levels: when is something due, given when it was received,
 * how long the service level allows, the unit's working calendar and the times the clock was
 * stopped (a case waiting in `needs_info`). Pure: every instant is passed in.
 *
 * Units:
 * - `minutes`: minutes of office hours on working days from the start (a walk-in is
 *   acknowledged within 30). Something recorded after closing, on a weekend or on a holiday
 *   starts its clock when the office next opens, so it cannot be missed before anyone is there.
 * - `working_days`: the receipt day is day 0 whatever the hour, and the deadline is the end of
 *   office hours on the Nth working day after it. Something received on a weekend or holiday
 *   counts as received on the next working day, which is then day 0. Between the two the
 *   working-day clock runs only during office hours on working days.
 * - `calendar_days`: the end of office hours on the local date N days after the receipt date.
 *   That date is kept even when it is a weekend or holiday: the rule is written in calendar days,
 *   and moving it would quietly grant extra days the rule does not give.
 */

import type { LocalDate, WorkingCalendar } from './working-calendar.js';
import {
  instantOfWallClockMs,
  isWorkingEpochDay,
  localDateOfEpochDay,
  localEpochDayOf,
  nextWorkingEpochDay,
  officeMinutesOf,
} from './working-calendar.js';

export type DurationUnit = 'minutes' | 'working_days' | 'calendar_days';

export interface Duration {
  amount: number;
  unit: DurationUnit;
}

/** A time the clock was stopped; `to` is null while it still is. */
export interface Pause {
  from: Date;
  to: Date | null;
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

// A century of days or minutes: far beyond any service level, but it keeps a mistyped policy
// from turning one deadline into a loop over millions of days.
const maxAmount: Record<DurationUnit, number> = {
  minutes: 100 * 366 * 24 * 60,
  working_days: 100 * 366,
  calendar_days: 100 * 366,
};

/** The day 0 from which working days are counted: the receipt date, or the next working day after it. */
export function receiptDayOf(receivedAt: Date, calendar: WorkingCalendar): LocalDate {
  return localDateOfEpochDay(receiptEpochDayOf(instantMsOf(receivedAt, 'receivedAt'), calendar));
}

/**
 * When the working-day clock starts: the close of office hours on day 0. Nothing before it
 * counts towards a working-day deadline, so neither does a pause before it.
 */
export function workingDaysClockStartOf(receivedAt: Date, calendar: WorkingCalendar): Date {
  const day = receiptEpochDayOf(instantMsOf(receivedAt, 'receivedAt'), calendar);
  return new Date(officeCloseMs(calendar, day));
}

export function addDuration(startAt: Date, duration: Duration, calendar: WorkingCalendar): Date {
  const startMs = instantMsOf(startAt, 'startAt');
  assertDuration(duration);
  switch (duration.unit) {
    case 'minutes':
      // Without pauses the clock never stops for good, so there is always an instant.
      return new Date(officeTimeDeadlineMs(startMs, duration.amount * MINUTE_MS, calendar, noSpans) ?? startMs);
    case 'calendar_days':
      return new Date(calendarDaysDeadlineMs(startMs, duration.amount, calendar));
    case 'working_days': {
      let day = receiptEpochDayOf(startMs, calendar);
      for (let counted = 0; counted < duration.amount; counted += 1) day = nextWorkingEpochDay(calendar, day);
      return new Date(officeCloseMs(calendar, day));
    }
  }
}

/**
 * Like addDuration, but the clock stands still during each pause, so the deadline moves later
 * by exactly the time the clock would otherwise have run: a pause over three working days moves
 * a working-day deadline three working days, a pause over a weekend moves it not at all.
 * Overlapping pauses count once.
 *
 * Returns null while the clock is stopped by a pause that has not ended (`to: null`) and that
 * began before the deadline was reached: there is no deadline until the case resumes. A pause
 * that begins after the deadline has passed does not undo the breach.
 */
export function addDurationWithPauses(
  startAt: Date,
  duration: Duration,
  calendar: WorkingCalendar,
  pauses: readonly Pause[],
): Date | null {
  const startMs = instantMsOf(startAt, 'startAt');
  assertDuration(duration);
  if (pauses.length === 0) return addDuration(startAt, duration, calendar);
  switch (duration.unit) {
    case 'minutes':
      return dateOrNull(officeTimeDeadlineMs(startMs, duration.amount * MINUTE_MS, calendar, pausesFrom(pauses, startMs)));
    case 'calendar_days': {
      const budgetMs = calendarDaysDeadlineMs(startMs, duration.amount, calendar) - startMs;
      return dateOrNull(wallClockDeadlineMs(startMs, budgetMs, pausesFrom(pauses, startMs)));
    }
    case 'working_days': {
      const receiptDay = receiptEpochDayOf(startMs, calendar);
      const spans = pausesFrom(pauses, officeCloseMs(calendar, receiptDay));
      return dateOrNull(workingDaysDeadlineMs(receiptDay, duration.amount, 1, calendar, spans));
    }
  }
}

/**
 * The instant at which the given fraction of the duration has run, pauses counted as in
 * addDurationWithPauses: 0.5 of seven working days is noon of the fourth working day after
 * day 0, 0.8 of 30 minutes is minute 24. A fraction of 1 is the deadline itself. Reminders
 * ("half the time has gone") and the view's "due soon" are measured this way.
 *
 * Returns null while an open pause stops the clock before that point is reached.
 */
export function addDurationFractionWithPauses(
  startAt: Date,
  duration: Duration,
  calendar: WorkingCalendar,
  pauses: readonly Pause[],
  fraction: number,
): Date | null {
  const startMs = instantMsOf(startAt, 'startAt');
  assertDuration(duration);
  if (!(fraction > 0 && fraction <= 1)) throw new RangeError(`a fraction of a duration is more than 0 and at most 1, got ${fraction}`);
  switch (duration.unit) {
    case 'minutes':
      return dateOrNull(officeTimeDeadlineMs(startMs, Math.max(1, Math.round(duration.amount * MINUTE_MS * fraction)), calendar, pausesFrom(pauses, startMs)));
    case 'calendar_days': {
      const budgetMs = calendarDaysDeadlineMs(startMs, duration.amount, calendar) - startMs;
      return dateOrNull(wallClockDeadlineMs(startMs, Math.round(budgetMs * fraction), pausesFrom(pauses, startMs)));
    }
    case 'working_days': {
      const receiptDay = receiptEpochDayOf(startMs, calendar);
      const spans = pausesFrom(pauses, officeCloseMs(calendar, receiptDay));
      if (spans.length === 0) return new Date(workingDaysFractionMs(receiptDay, duration.amount, fraction, calendar));
      return dateOrNull(workingDaysDeadlineMs(receiptDay, duration.amount, fraction, calendar, spans));
    }
  }
}

/**
 * workingDaysDeadlineMs without pauses, in one step: the whole working days the fraction
 * covers are skipped by the calendar alone, and only the day it ends in is put on the clock
 * (reminders for 100,000 cases would otherwise convert every office day to instants).
 */
function workingDaysFractionMs(receiptDay: number, days: number, fraction: number, calendar: WorkingCalendar): number {
  const office = officeMinutesOf(calendar);
  const officeDayMs = (office.endMinute - office.startMinute) * MINUTE_MS;
  const budgetMs = fraction === 1 ? days * officeDayMs : Math.max(1, Math.round(days * officeDayMs * fraction));
  // As the day-by-day walk: whole days are used up while more than a day's credit remains.
  const wholeDays = Math.ceil(budgetMs / officeDayMs) - 1;
  const remainingMs = budgetMs - wholeDays * officeDayMs;
  let day = receiptDay;
  for (let counted = 0; counted <= wholeDays; counted += 1) day = nextWorkingEpochDay(calendar, day);
  const opensMs = officeOpenMs(calendar, day, office);
  const closesMs = officeCloseMs(calendar, day, office);
  const creditPerMs = officeDayMs / (closesMs - opensMs);
  return creditPerMs === 1 ? opensMs + remainingMs : Math.round(opensMs + remainingMs / creditPerMs);
}

/**
 * Milliseconds of office hours on working days between two instants, e.g. how much working
 * time a pause took or is left before a deadline. Zero when `toAt` is not after `fromAt`.
 */
export function workingTimeBetween(fromAt: Date, toAt: Date, calendar: WorkingCalendar): number {
  const fromMs = instantMsOf(fromAt, 'fromAt');
  const toMs = instantMsOf(toAt, 'toAt');
  if (toMs <= fromMs) return 0;
  const office = officeMinutesOf(calendar);
  const lastDay = localEpochDayOf(toMs, calendar.timeZone);
  let total = 0;
  for (let day = localEpochDayOf(fromMs, calendar.timeZone); day <= lastDay; day += 1) {
    if (!isWorkingEpochDay(calendar, day)) continue;
    const opensMs = officeOpenMs(calendar, day, office);
    const closesMs = officeCloseMs(calendar, day, office);
    total += Math.max(0, Math.min(closesMs, toMs) - Math.max(opensMs, fromMs));
  }
  return total;
}

// ---------------------------------------------------------------------------------------------

interface PauseSpan {
  fromMs: number;
  /** Infinity while the pause has not ended. */
  toMs: number;
}

function receiptEpochDayOf(receivedMs: number, calendar: WorkingCalendar): number {
  const localDay = localEpochDayOf(receivedMs, calendar.timeZone);
  return isWorkingEpochDay(calendar, localDay) ? localDay : nextWorkingEpochDay(calendar, localDay);
}

function officeOpenMs(calendar: WorkingCalendar, epochDay: number, office = officeMinutesOf(calendar)): number {
  return instantOfWallClockMs(epochDay * DAY_MS + office.startMinute * MINUTE_MS, calendar.timeZone);
}

function officeCloseMs(calendar: WorkingCalendar, epochDay: number, office = officeMinutesOf(calendar)): number {
  return instantOfWallClockMs(epochDay * DAY_MS + office.endMinute * MINUTE_MS, calendar.timeZone);
}

function calendarDaysDeadlineMs(startMs: number, days: number, calendar: WorkingCalendar): number {
  return officeCloseMs(calendar, localEpochDayOf(startMs, calendar.timeZone) + days);
}

const noSpans: readonly PauseSpan[] = Object.freeze([]);

/** The pauses from `clockStartMs` on, sorted, with overlapping and touching ones merged. */
function pausesFrom(pauses: readonly Pause[], clockStartMs: number): readonly PauseSpan[] {
  if (pauses.length === 0) return noSpans;
  const spans: PauseSpan[] = [];
  for (const pause of pauses) {
    const fromMs = instantMsOf(pause.from, 'pause.from');
    const toMs = pause.to === null ? Infinity : instantMsOf(pause.to, 'pause.to');
    if (toMs < fromMs) throw new RangeError('a pause cannot end before it starts');
    const clippedFromMs = Math.max(fromMs, clockStartMs);
    if (toMs > clippedFromMs) spans.push({ fromMs: clippedFromMs, toMs });
  }
  spans.sort((a, b) => a.fromMs - b.fromMs);
  const merged: PauseSpan[] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last !== undefined && span.fromMs <= last.toMs) last.toMs = Math.max(last.toMs, span.toMs);
    else merged.push({ ...span });
  }
  return merged;
}

function wallClockDeadlineMs(startMs: number, budgetMs: number, spans: readonly PauseSpan[]): number | null {
  let cursorMs = startMs;
  let remainingMs = budgetMs;
  for (const span of spans) {
    const runningMs = span.fromMs - cursorMs;
    // Reached exactly as the pause begins is reached: the pause cannot undo it.
    if (runningMs >= remainingMs) break;
    remainingMs -= runningMs;
    if (span.toMs === Infinity) return null;
    cursorMs = span.toMs;
  }
  return cursorMs + remainingMs;
}

/**
 * The instant `budgetMs` of office time after `startMs`, counting only office hours on working
 * days and not the pauses. Null when an open pause stops the clock before the budget is spent.
 */
function officeTimeDeadlineMs(startMs: number, budgetMs: number, calendar: WorkingCalendar, spans: readonly PauseSpan[]): number | null {
  const office = officeMinutesOf(calendar);
  let remainingMs = budgetMs;
  let spanIndex = 0;
  let day = localEpochDayOf(startMs, calendar.timeZone);
  if (!isWorkingEpochDay(calendar, day)) day = nextWorkingEpochDay(calendar, day);
  for (;;) {
    const closesMs = officeCloseMs(calendar, day, office);
    let cursorMs = Math.max(officeOpenMs(calendar, day, office), startMs);
    while (cursorMs < closesMs) {
      while (spanIndex < spans.length && (spans[spanIndex]?.toMs ?? Infinity) <= cursorMs) spanIndex += 1;
      const span = spans[spanIndex];
      const runsUntilMs = span === undefined ? closesMs : Math.min(closesMs, Math.max(cursorMs, span.fromMs));
      if (runsUntilMs > cursorMs) {
        // Reached exactly as a pause begins is reached: the pause cannot undo it.
        if (runsUntilMs - cursorMs >= remainingMs) return cursorMs + remainingMs;
        remainingMs -= runsUntilMs - cursorMs;
        cursorMs = runsUntilMs;
      }
      if (span === undefined || cursorMs >= closesMs) break;
      if (span.toMs === Infinity) return null;
      cursorMs = span.toMs;
    }
    day = nextWorkingEpochDay(calendar, day);
  }
}

function workingDaysDeadlineMs(
  receiptDay: number,
  days: number,
  fraction: number,
  calendar: WorkingCalendar,
  spans: readonly PauseSpan[],
): number | null {
  const office = officeMinutesOf(calendar);
  const officeDayMs = (office.endMinute - office.startMinute) * MINUTE_MS;
  let remainingMs = fraction === 1 ? days * officeDayMs : Math.max(1, Math.round(days * officeDayMs * fraction));
  let spanIndex = 0;
  let day = receiptDay;
  for (;;) {
    day = nextWorkingEpochDay(calendar, day);
    const opensMs = officeOpenMs(calendar, day, office);
    const closesMs = officeCloseMs(calendar, day, office);
    // Where a daylight-saving change falls inside office hours the day is longer or shorter on
    // the clock, but it is still one working day: credit it in proportion, so a pause over whole
    // working days still moves the deadline by whole working days.
    const creditPerMs = officeDayMs / (closesMs - opensMs);
    let cursorMs = opensMs;
    while (cursorMs < closesMs) {
      while (spanIndex < spans.length && (spans[spanIndex]?.toMs ?? Infinity) <= cursorMs) spanIndex += 1;
      const span = spans[spanIndex];
      const runsUntilMs = span === undefined ? closesMs : Math.min(closesMs, Math.max(cursorMs, span.fromMs));
      if (runsUntilMs > cursorMs) {
        const creditMs = creditPerMs === 1 ? runsUntilMs - cursorMs : (runsUntilMs - cursorMs) * creditPerMs;
        if (creditMs >= remainingMs) {
          return creditPerMs === 1 ? cursorMs + remainingMs : Math.round(cursorMs + remainingMs / creditPerMs);
        }
        remainingMs -= creditMs;
        cursorMs = runsUntilMs;
      }
      if (span === undefined || cursorMs >= closesMs) break;
      if (span.toMs === Infinity) return null;
      cursorMs = span.toMs;
    }
  }
}

function assertDuration(duration: Duration): void {
  if (!Object.hasOwn(maxAmount, duration.unit)) {
    throw new RangeError(`unknown duration unit ${JSON.stringify(duration.unit)}`);
  }
  const limit = maxAmount[duration.unit];
  if (!Number.isInteger(duration.amount) || duration.amount < 1 || duration.amount > limit) {
    throw new RangeError(`a duration in ${duration.unit} must be a whole number from 1 to ${limit}, got ${duration.amount}`);
  }
}

function instantMsOf(instant: Date, what: string): number {
  const ms = instant.getTime();
  if (!Number.isFinite(ms)) throw new RangeError(`${what} is not a valid instant`);
  return ms;
}

function dateOrNull(ms: number | null): Date | null {
  return ms === null ? null : new Date(ms);
}
