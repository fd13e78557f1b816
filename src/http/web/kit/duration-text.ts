import type { Duration } from '../../../domain/service-level/deadline.js';
import { formatNumber } from './format.js';
import type { WebContext } from './web-context.js';

/** "30 menit", "7 hari kerja", "14 days": the same durations the deadlines are computed with. */
export function durationText(ctx: WebContext, duration: Duration): string {
  const amount = formatNumber(ctx.locale, duration.amount);
  if (duration.unit === 'minutes') return ctx.t('home.duration.minutes', { amount });
  if (duration.unit === 'working_days') return ctx.t('home.duration.workingDays', { amount });
  return ctx.t('home.duration.calendarDays', { amount });
}
