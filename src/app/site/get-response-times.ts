import type { Channel } from '../../domain/complaint/channel.js';
import type { Duration } from '../../domain/service-level/deadline.js';
import { defaultResponseDuration } from '../../domain/service-level/default-policy.js';
import { choosePolicy } from '../../domain/service-level/service-level-policy.js';
import type { AppDeps } from '../deps.js';
import { currentServiceLevels } from '../service-levels/current-service-levels.js';

/** The channels the public can use, in the order the service standard lists them. */
export const publicChannels = ['walk_in', 'phone', 'letter', 'suggestion_box', 'web', 'email', 'whatsapp'] as const satisfies readonly Channel[];
export type PublicChannel = (typeof publicChannels)[number];

export interface ResponseTimes {
  byChannel: Record<PublicChannel, Duration>;
  whistleblowing: Duration;
}

/**
 * The response times the public is promised: the ones the deadlines are computed with (the
 * active service-level policies, as they apply before triage sets a category or priority),
 * so that the service standard on the home page cannot drift from what is enforced.
 */
export async function getResponseTimes(deps: AppDeps): Promise<ResponseTimes> {
  const levels = await currentServiceLevels(deps.caches, deps.db);
  const responseFor = (channel: Channel, isWhistleblowing: boolean): Duration =>
    choosePolicy(levels.policies, { channel, categoryCode: null, priority: null, isWhistleblowing })?.durations.response
      ?? defaultResponseDuration(channel, isWhistleblowing);
  return {
    byChannel: Object.fromEntries(publicChannels.map((channel) => [channel, responseFor(channel, false)])) as Record<PublicChannel, Duration>,
    whistleblowing: responseFor('web', true),
  };
}
