import type { Channel } from '../complaint/channel.js';
import type { Duration } from './deadline.js';
import type { OfficeHours } from './working-calendar.js';

/**
 * The response times the seed documents promise, until administrators configure their own:
 * 30 minutes at the desk (walk-in, phone), 7 working days for a letter or a suggestion-box
 * slip, 30 days for whistleblowing, 14 days for everything else.
 */
export function defaultResponseDuration(channel: Channel, isWhistleblowing: boolean): Duration {
  if (isWhistleblowing) return { amount: 30, unit: 'calendar_days' };
  if (channel === 'walk_in' || channel === 'phone') return { amount: 30, unit: 'minutes' };
  if (channel === 'letter' || channel === 'suggestion_box') return { amount: 7, unit: 'working_days' };
  return { amount: 14, unit: 'calendar_days' };
}

/** Government office hours in Indonesia (Monday to Friday). */
export const defaultOfficeHours: OfficeHours = { start: '08:00', end: '16:00' };
