import { timeZoneAbbreviation } from '../../../domain/service-level/working-calendar.js';
import { formatNumber, intlLocale, type Locale } from '../../../i18n/locale.js';

export { formatNumber };

/** WIB, WITA or WIT for Indonesia's zones; any other zone by its offset, as mail names it. */
export function zoneLabel(timeZone: string, at?: Date): string {
  return timeZoneAbbreviation(timeZone, at);
}

/** "13 Maret 2026" / "13 March 2026", as the day falls in the unit's time zone. */
export function formatDate(locale: Locale, date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat(intlLocale[locale], { timeZone, day: 'numeric', month: 'long', year: 'numeric' }).format(date);
}

/** "13 Maret 2026 14.05 WIB" / "13 March 2026 14:05 WIB". */
export function formatDateTime(locale: Locale, date: Date, timeZone: string): string {
  const time = new Intl.DateTimeFormat(intlLocale[locale], { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date);
  return `${formatDate(locale, date, timeZone)} ${time} ${zoneLabel(timeZone, date)}`;
}

/** "09.15 WIB" / "09:15 WIB": a time of day today, with its zone. */
export function formatTime(locale: Locale, date: Date, timeZone: string): string {
  const time = new Intl.DateTimeFormat(intlLocale[locale], { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date);
  return `${time} ${zoneLabel(timeZone, date)}`;
}

/** "1.234" / "1,234"; percentages with one decimal. */
