import type { Locale } from '../../../../i18n/locale.js';
import { formatNumber } from '../../kit/format.js';

const minuteMs = 60_000;
const hourMs = 60 * minuteMs;
const dayMs = 24 * hourMs;

/**
 * A span of time in the largest whole unit, rounded down ("3 hari", "5 hours"): a deadline
 * three days and five hours away is "3 days" left, never more than there really is.
 * Null below a minute, where a number says nothing useful.
 */
export function spanInWords(locale: Locale, ms: number): string | null {
  const span = Math.abs(ms);
  const [unit, size] = span >= dayMs ? ['day', dayMs] as const : span >= hourMs ? ['hour', hourMs] as const : ['minute', minuteMs] as const;
  const amount = Math.floor(span / size);
  if (amount === 0) return null;
  return formatNumber(locale, amount, { style: 'unit', unit, unitDisplay: 'long' });
}

/** "1,3 MB" / "12 kB": a file's size as people read it. */
export function fileSizeInWords(locale: Locale, bytes: number): string {
  if (bytes >= 1024 * 1024) return formatNumber(locale, bytes / (1024 * 1024), { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 });
  return formatNumber(locale, Math.max(1, Math.round(bytes / 1024)), { style: 'unit', unit: 'kilobyte' });
}
