import type { Channel } from '../complaint/channel.js';

/**
 * The ways a message can leave: each has one sender, registered where the app is composed
 * (today only email, through the mailer). A channel adapter that can also send adds its name
 * here and its sender beside its inbound side.
 */
export const outboxChannels = ['email'] as const;
export type OutboxChannel = (typeof outboxChannels)[number];

/**
 * How the reporter of a complaint that came in by `channel` is answered: the way it came, once
 * that channel can send; until then by mail, to the address they gave.
 */
export function reporterChannelFor(_channel: Channel): OutboxChannel {
  return 'email';
}
