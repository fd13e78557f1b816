/**
 * The months a statistics page covers, in the installation's time zone (the root unit's).
 * Only whole months that have ended count: the page changes once a month, not the moment a
 * complaint arrives, so watching it cannot tell anyone when one particular report came in.
 */

/** `2026-03`: a calendar month in the installation's time zone. */
export type MonthKey = `${number}-${string}`;

export type PeriodChoice = { kind: 'last_12_months' } | { kind: 'year'; year: number };

export interface StatisticsPeriod {
  choice: PeriodChoice;
  /** Every month covered, oldest first. */
  months: MonthKey[];
  /** From the first day of the first month, 00:00 local time (`2025-03-01`). */
  fromDay: string;
  /** Until the first day after the last month, 00:00 local time, exclusive. */
  untilDay: string;
}

export interface YearMonth {
  year: number;
  /** 1–12 */
  month: number;
}

/** The calendar month an instant falls in, in a time zone. */
export function monthIn(instant: Date, timeZone: string): YearMonth {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric' }).formatToParts(instant);
  const part = (type: string) => Number(parts.find((candidate) => candidate.type === type)?.value);
  return { year: part('year'), month: part('month') };
}

export function addMonths(at: YearMonth, count: number): YearMonth {
  const index = at.year * 12 + (at.month - 1) + count;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

export function monthKey(at: YearMonth): MonthKey {
  return `${at.year}-${String(at.month).padStart(2, '0')}`;
}

function compare(a: YearMonth, b: YearMonth): number {
  return (a.year - b.year) * 12 + (a.month - b.month);
}

/**
 * The months of a choice that have ended by `current` (the month we are in): the twelve
 * before it, or the ended months of a year. Undefined when the choice covers no ended month
 * or reaches back before the first complaint.
 */
export function resolvePeriod(choice: PeriodChoice, current: YearMonth, earliest: YearMonth | null): StatisticsPeriod | undefined {
  const lastEnded = addMonths(current, -1);
  let first: YearMonth;
  let last: YearMonth;
  if (choice.kind === 'last_12_months') {
    first = addMonths(current, -12);
    last = lastEnded;
  } else {
    if (!availableYears(current, earliest).includes(choice.year)) return undefined;
    first = { year: choice.year, month: 1 };
    last = compare({ year: choice.year, month: 12 }, lastEnded) <= 0 ? { year: choice.year, month: 12 } : lastEnded;
  }
  const months: MonthKey[] = [];
  for (let at = first; compare(at, last) <= 0; at = addMonths(at, 1)) months.push(monthKey(at));
  return { choice, months, fromDay: `${monthKey(first)}-01`, untilDay: `${monthKey(addMonths(last, 1))}-01` };
}

/** The years with at least one ended month since the first complaint, newest first. */
export function availableYears(current: YearMonth, earliest: YearMonth | null): number[] {
  if (earliest === null) return [];
  const lastEnded = addMonths(current, -1);
  const years: number[] = [];
  for (let year = lastEnded.year; year >= earliest.year; year -= 1) years.push(year);
  return years;
}
