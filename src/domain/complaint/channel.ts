/** Every way a complaint reaches the body (docs/design.md "The complaint"). */
export const channels = [
  'web', 'email', 'whatsapp', 'sms', 'letter', 'suggestion_box', 'walk_in', 'phone', 'social_media', 'referral',
] as const;
export type Channel = (typeof channels)[number];

/**
 * The public can only submit through the web form; any other channel is recorded by staff,
 * who vouch for when and how it arrived (the clocks start at `receivedAt`).
 */
export function channelNeedsStaff(channel: Channel): boolean {
  return channel !== 'web';
}
