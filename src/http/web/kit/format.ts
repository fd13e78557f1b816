import type { Locale } from '../../../i18n/locale.js';

const intlLocale: Record<Locale, string> = { id: 'id-ID', en: 'en-GB' };

/** Indonesia's three zones by their usual names; any other zone by its offset. */
const zoneNames: Record<string, string> = {
  'Asia/Jakarta': 'WIB', 'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

export function zoneLabel(timeZone: string): string {
  return zoneNames[timeZone] ?? new Intl.DateTimeFormat('en', { timeZone, timeZoneName: 'shortOffset' })
    .formatToParts(new Date(0)).find((part) => part.type === 'timeZoneName')?.value ?? timeZone;
}

/** "13 Maret 2026" / "13 March 2026", as the day falls in the unit's time zone. */
export function formatDate(locale: Locale, date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat(intlLocale[locale], { timeZone, day: 'numeric', month: 'long', year: 'numeric' }).format(date);
}

/** "13 Maret 2026 14.05 WIB" / "13 March 2026 14:05 WIB". */
export function formatDateTime(locale: Locale, date: Date, timeZone: string): string {
  const time = new Intl.DateTimeFormat(intlLocale[locale], { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date);
  return `${formatDate(locale, date, timeZone)} ${time} ${zoneLabel(timeZone)}`;
}

/** "09.15 WIB" / "09:15 WIB": a time of day today, with its zone. */
export function formatTime(locale: Locale, date: Date, timeZone: string): string {
  const time = new Intl.DateTimeFormat(intlLocale[locale], { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date);
  return `${time} ${zoneLabel(timeZone)}`;
}

/** "1.234" / "1,234"; percentages with one decimal. */
export function formatNumber(locale: Locale, value: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(intlLocale[locale], options).format(value);
}
