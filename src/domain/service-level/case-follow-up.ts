/**
 * What happens to a case nobody acts on: a reporter asked for information is reminded, then
 * the case is closed if they never answer; a response nobody appeals closes when the appeal
 * window ends. Pure: the events, settings and calendar are passed in.
 */

import type { RecordedCaseEvent } from '../case-event.js';
import type { ComplaintStatus } from '../complaint/complaint-status.js';
import { addDuration } from './deadline.js';
import type { ServiceLevelSettings } from './service-level-settings.js';
import { addLocalDays, localDateOf, localDateTimeToInstant, type WorkingCalendar } from './working-calendar.js';

export type FollowUpAction = 'remind_reporter' | 'close_unanswered' | 'close_after_appeal_window';

export interface FollowUp {
  action: FollowUpAction;
  at: Date;
}

/**
 * The end of the appeal window: "within N days of the date of this letter" lets the reporter
 * appeal until the end of the Nth day after the letter's date, in the unit's time zone.
 */
export function appealWindowEndsAt(respondedAt: Date, days: number, timeZone: string): Date {
  return localDateTimeToInstant(addLocalDays(localDateOf(respondedAt, timeZone), days + 1), '00:00', timeZone);
}

/** The next thing due for a case left alone, or null when nothing is. */
export function nextFollowUp(
  status: ComplaintStatus,
  events: readonly RecordedCaseEvent[],
  settings: ServiceLevelSettings,
  calendar: WorkingCalendar,
): FollowUp | null {
  const sorted = [...events].sort((a, b) => a.sequence - b.sequence);
  if (status === 'needs_info') {
    const requestIndex = sorted.findLastIndex((event) => event.type === 'case.info_requested');
    const request = sorted[requestIndex];
    if (request === undefined) return null;
    const closeAt = addDuration(request.occurredAt, settings.closeUnansweredAfter, calendar);
    const remindAt = addDuration(request.occurredAt, settings.reporterReminderAfter, calendar);
    const isReminded = sorted.slice(requestIndex + 1).some((event) => event.type === 'case.reporter_reminded');
    if (isReminded || remindAt.getTime() >= closeAt.getTime()) return { action: 'close_unanswered', at: closeAt };
    return { action: 'remind_reporter', at: remindAt };
  }
  if (status === 'responded') {
    const sent = sorted.findLast((event) => event.type === 'response.sent');
    if (sent === undefined) return null;
    return { action: 'close_after_appeal_window', at: appealWindowEndsAt(sent.occurredAt, settings.appealWindowDays, calendar.timeZone) };
  }
  return null;
}
