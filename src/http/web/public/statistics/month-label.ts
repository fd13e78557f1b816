import type { MonthKey } from '../../../../app/statistics/statistics-period.js';
import type { Locale } from '../../../../i18n/locale.js';

const intlLocale: Record<Locale, string> = { id: 'id-ID', en: 'en-GB' };

/** The middle of the month in UTC: any time zone's formatting lands in the same month. */
function midMonth(month: MonthKey): Date {
  const [year, number] = month.split('-').map(Number);
  return new Date(Date.UTC(year ?? 1970, (number ?? 1) - 1, 15));
}

/** "Maret 2026" / "March 2026". */
export function monthName(locale: Locale, month: MonthKey): string {
  return new Intl.DateTimeFormat(intlLocale[locale], { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(midMonth(month));
}

// British English shortens September to "Sept", a letter too many for twelve bars side by side.
const shortLocale: Record<Locale, string> = { id: 'id-ID', en: 'en-US' };

/** "Agu" / "Aug": short enough for twelve bars side by side. */
export function shortMonthName(locale: Locale, month: MonthKey): string {
  return new Intl.DateTimeFormat(shortLocale[locale], { month: 'short', timeZone: 'UTC' }).format(midMonth(month));
}

/** The first day of a month, at noon UTC (format it in UTC). */
export function firstDayOf(month: MonthKey): Date {
  const [year, number] = month.split('-').map(Number);
  return new Date(Date.UTC(year ?? 1970, (number ?? 1) - 1, 1, 12));
}

/** The last day of a month, for "up to 28 February 2026" (noon UTC; format it in UTC). */
export function lastDayOf(month: MonthKey): Date {
  const [year, number] = month.split('-').map(Number);
  return new Date(Date.UTC(year ?? 1970, number ?? 1, 0, 12));
}
