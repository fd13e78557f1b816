import type { RecordedCaseEvent } from '../case-event.js';
import type { ComplaintStatus } from '../complaint/complaint-status.js';
import type { Completeness } from '../complaint/completeness.js';

/** What a reporter may see of the history: never internal notes, never staff identities. */
export type ReporterHistoryEntry =
  | { kind: 'acknowledged'; at: Date; registerNumber: string }
  | { kind: 'status_changed'; at: Date; status: ComplaintStatus }
  | { kind: 'message_from_reporter'; at: Date; text: string }
  | { kind: 'message_to_reporter'; at: Date; text: string }
  | { kind: 'attachment_added'; at: Date; attachmentId: string; fileName: string; by: 'reporter' | 'staff' };

export interface ReporterAttachment {
  id: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  addedAt: Date;
}

export interface ReporterView {
  registerNumber: string;
  status: ComplaintStatus;
  title: string;
  categoryCode: string | null;
  channel: string;
  submittedAt: Date;
  receivedAt: Date;
  completeness: Completeness;
  history: ReporterHistoryEntry[];
  attachments: ReporterAttachment[];
}

/**
 * The reporter's history: the acknowledgement first, then what happened that concerns them.
 * Written as an exhaustive switch so a new event type must decide here whether the reporter
 * sees it.
 */
export function reporterHistory(events: readonly RecordedCaseEvent[]): ReporterHistoryEntry[] {
  const history: ReporterHistoryEntry[] = [];
  for (const event of [...events].sort((a, b) => a.sequence - b.sequence)) {
    switch (event.type) {
      case 'complaint.submitted':
        history.push({ kind: 'acknowledged', at: event.occurredAt, registerNumber: event.data.registerNumber });
        break;
      case 'reporter.attachment_added':
        history.push({
          kind: 'attachment_added', at: event.occurredAt, attachmentId: event.data.attachmentId,
          fileName: event.data.fileName, by: event.actor.kind === 'staff' ? 'staff' : 'reporter',
        });
        break;
      case 'reporter.message_added':
        history.push({ kind: 'message_from_reporter', at: event.occurredAt, text: event.data.text });
        break;
      default: {
        const unhandled: never = event;
        throw new Error(`reporterHistory: unhandled event ${JSON.stringify(unhandled)}`);
      }
    }
  }
  return history;
}
