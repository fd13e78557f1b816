import type { Channel } from './complaint/channel.js';
import type { Facts } from './complaint/completeness.js';
import type { IdentityMode } from './complaint/identity.js';

/**
 * The catalogue of case events. Events are stored and hash-chained, so a `type` string is
 * never renamed and a payload field never changes meaning; add new types instead.
 * No payload ever holds reporter identity or a tracking code.
 */
export type CaseEvent =
  | {
      type: 'complaint.submitted';
      data: {
        registerNumber: string;
        channel: Channel;
        identityMode: IdentityMode;
        title: string;
        description: string;
        facts: Facts;
        categoryCode: string | null;
        unitId: number;
        receivedAt: string;
        location: { lat: number; lon: number } | null;
        attachmentIds: string[];
      };
    }
  | {
      type: 'reporter.attachment_added';
      data: { attachmentId: string; fileName: string; mediaType: string; sizeBytes: number; sha256: string };
    }
  | { type: 'reporter.message_added'; data: { text: string } };

export type CaseEventType = CaseEvent['type'];

export type Actor = { kind: 'reporter' } | { kind: 'staff'; userId: number } | { kind: 'system' };

/** An event as it was recorded. */
export type RecordedCaseEvent = CaseEvent & { sequence: number; occurredAt: Date; actor: Actor };
