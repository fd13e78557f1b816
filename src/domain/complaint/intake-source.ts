import type { StaffActor } from '../access/policy.js';
import type { Actor } from '../case-event.js';
import { channelNeedsStaff, type Channel } from './channel.js';

/**
 * Who brings a complaint in:
 * - `public`: the reporter, on the web form;
 * - `staff`: a desk officer recording one that came by any channel (a letter, a visit, a call),
 *   who vouches for when and how it arrived (the use case checks they may: `record_intake`);
 * - `adapter`: a channel's own inbound adapter (`src/channels/<name>/`: mail, WhatsApp, SMS,
 *   Telegram), which speaks for the reporter on that channel and on no other.
 */
export type IntakeSource =
  | { kind: 'public' }
  | { kind: 'staff'; officer: StaffActor }
  | { kind: 'adapter'; adapter: Channel };

/** Whether the source may bring a complaint in by that channel. */
export function acceptsChannel(source: IntakeSource, channel: Channel): boolean {
  switch (source.kind) {
    case 'public': return !channelNeedsStaff(channel);
    case 'staff': return true;
    case 'adapter': return source.adapter === channel;
    default: {
      const unknown: never = source;
      throw new Error(`unknown intake source ${JSON.stringify(unknown)}`);
    }
  }
}

/** Who the case's first events are recorded as: the officer, or the reporter (by the form or their channel). */
export function intakeActorOf(source: IntakeSource): Actor {
  return source.kind === 'staff' ? { kind: 'staff', userId: source.officer.userId } : { kind: 'reporter' };
}

/** Whether the source knows when the complaint reached the body, which may be before now (a letter's arrival, a message queued on the channel). */
export function knowsReceivedAt(source: IntakeSource): boolean {
  return source.kind !== 'public';
}
