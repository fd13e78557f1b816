import type { Channel } from '../../domain/complaint/channel.js';
import { addDuration } from '../../domain/service-level/deadline.js';
import { defaultOfficeHours, defaultResponseDuration } from '../../domain/service-level/default-policy.js';
import { indonesianHolidays, nonWorkingDaysOf } from '../../domain/service-level/indonesian-holidays.js';
import { createWorkingCalendar, type WorkingCalendar } from '../../domain/service-level/working-calendar.js';

const calendars = new Map<string, WorkingCalendar>();

/** The national working calendar in a unit's time zone (cached: it is the same for every case). */
function calendarFor(timeZone: string): WorkingCalendar {
  let calendar = calendars.get(timeZone);
  if (calendar === undefined) {
    calendar = createWorkingCalendar({ timeZone, nonWorkingDays: nonWorkingDaysOf(indonesianHolidays), officeHours: defaultOfficeHours });
    calendars.set(timeZone, calendar);
  }
  return calendar;
}

/** When the response is due by the seeds' default service levels, counted from receipt. */
export function responseDueAt(receivedAt: Date, channel: Channel, isWhistleblowing: boolean, timeZone: string): Date {
  return addDuration(receivedAt, defaultResponseDuration(channel, isWhistleblowing), calendarFor(timeZone));
}
