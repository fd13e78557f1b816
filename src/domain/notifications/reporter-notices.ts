import type { CaseEvent } from '../case-event.js';
import type { CaseState } from '../workflow/case-state.js';
import type { ReporterTemplate } from './templates.js';

export interface ReporterNotice {
  template: ReporterTemplate;
  /** The event that called for it (index into the events given). */
  eventIndex: number;
  /** What the message prints besides the register number, which the sender adds. */
  data: Record<string, unknown>;
}

/**
 * What the reporter is told of these events, which took the case to `after`: every change
 * they can see, and only if they can be reached at all (an anonymous reporter cannot). One
 * message per template: an action that took several events sends one status message.
 */
export function reporterNotices(events: readonly CaseEvent[], after: CaseState, isReachable: boolean): ReporterNotice[] {
  if (!isReachable) return [];
  const notices: ReporterNotice[] = [];
  const add = (template: ReporterTemplate, eventIndex: number, data: Record<string, unknown> = {}) => {
    if (!notices.some((notice) => notice.template === template)) notices.push({ template, eventIndex, data });
  };
  events.forEach((event, index) => {
    switch (event.type) {
      case 'complaint.submitted': add('complaint.acknowledged', index); break;
      case 'case.info_requested': add('case.info_requested', index); break;
      case 'case.reporter_messaged': add('case.message_to_reporter', index); break;
      case 'case.rejected': add('case.rejected', index); break;
      case 'response.sent': add('response.sent', index); break;
      case 'case.merged': add('case.merged', index, { intoRegisterNumber: event.data.intoRegisterNumber }); break;
      case 'case.closed': case 'case.closed_automatically': case 'case.resolved_at_desk': case 'case.referred': case 'case.withdrawn': case 'case.verified': case 'case.assigned':
        add('case.status_changed', index, { status: after.status });
        break;
      default:
        break;
    }
  });
  return notices;
}
