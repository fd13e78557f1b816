import { reporterChannelFor } from '../../domain/notifications/outbox-channel.js';
import { reporterNotices } from '../../domain/notifications/reporter-notices.js';
import { enqueueOutboxMessages, type NewOutboxMessage } from '../../store/outbox.js';
import { findNextActors, staffMessagesFor } from '../notifications/notify-next-actors.js';
import type { CaseProjection } from './case-projection.js';

/**
 * Queues the messages a change causes, by reference only (the sender looks up addresses): the
 * reporter hears of every change they can see, by the way they are answered; whoever must act
 * next is told by mail and in the app (never the staff member who acted). Who is told does
 * not depend on the register number, so it is worked out before the number is taken.
 */
export const projectOutbox: CaseProjection = async (_deps, trx, change) => {
  const { complaintId, after, events, actor, now } = change;
  const forReporter = reporterNotices(events, after, change.isReporterReachable);
  const toTell = await findNextActors(trx, { state: after, events, actorUserId: actor.kind === 'staff' ? actor.userId : null, now });
  return {
    finish: async ({ registerNumber, eventIds }) => {
      const channel = reporterChannelFor(after.channel);
      const toReporter = forReporter.map((notice): NewOutboxMessage => ({
        complaintId, eventId: eventIds[notice.eventIndex] ?? null, channel, recipient: { kind: 'reporter', complaintId },
        template: notice.template, data: { registerNumber, ...notice.data },
      }));
      await enqueueOutboxMessages(trx, now, [...toReporter, ...staffMessagesFor(complaintId, registerNumber, toTell, eventIds), ...(change.extraMessages?.(eventIds) ?? [])]);
    },
  };
};
