import type { Channel } from '../complaint/channel.js';
import type { Priority } from '../workflow/workflow-values.js';
import type { Duration } from './deadline.js';
import type { DeadlineKind } from './deadline-kind.js';

/**
 * A service level: how long a case may take to be acknowledged, verified and answered, for
 * the cases its selectors match. A null selector matches anything.
 */
export interface ServiceLevelPolicy {
  id: number;
  name: string;
  channel: Channel | null;
  categoryCode: string | null;
  priority: Priority | null;
  /** true: only whistleblowing cases; false: only the others; null: both. */
  isWhistleblowing: boolean | null;
  durations: Record<DeadlineKind, Duration>;
}

/** What a policy is chosen by. The priority is null until triage sets one. */
export interface PolicySubject {
  channel: Channel;
  categoryCode: string | null;
  priority: Priority | null;
  isWhistleblowing: boolean;
}

export function policyMatches(policy: ServiceLevelPolicy, subject: PolicySubject): boolean {
  return (policy.channel === null || policy.channel === subject.channel)
    && (policy.categoryCode === null || policy.categoryCode === subject.categoryCode)
    && (policy.priority === null || policy.priority === subject.priority)
    && (policy.isWhistleblowing === null || policy.isWhistleblowing === subject.isWhistleblowing);
}

/**
 * How specific a policy is. Selectors rank category, then whistleblowing, then priority,
 * then channel, and a policy naming a higher-ranked selector beats any number of lower ones:
 * a whistleblowing report sent by letter gets the whistleblowing policy's 30 days, not the
 * letter's 7 working days, and a category's own policy beats both. Ranks as bits, so no two
 * policies with different selectors tie.
 */
export function policySpecificity(policy: ServiceLevelPolicy): number {
  return (policy.categoryCode !== null ? 8 : 0) + (policy.isWhistleblowing !== null ? 4 : 0)
    + (policy.priority !== null ? 2 : 0) + (policy.channel !== null ? 1 : 0);
}

/**
 * The most specific active policy that matches, or undefined when none does (an installation
 * always keeps a catch-all policy, so that means the list was empty). Equally specific
 * policies can only both match if they have the same selectors, which the store refuses; the
 * lower id wins should it ever happen.
 */
export function choosePolicy(policies: readonly ServiceLevelPolicy[], subject: PolicySubject): ServiceLevelPolicy | undefined {
  let best: ServiceLevelPolicy | undefined;
  for (const policy of policies) {
    if (!policyMatches(policy, subject)) continue;
    if (best === undefined) {
      best = policy;
      continue;
    }
    const difference = policySpecificity(policy) - policySpecificity(best);
    if (difference > 0 || (difference === 0 && policy.id < best.id)) best = policy;
  }
  return best;
}

/** A policy with no selectors: it matches every case. */
export function isCatchAllPolicy(policy: Pick<ServiceLevelPolicy, 'channel' | 'categoryCode' | 'priority' | 'isWhistleblowing'>): boolean {
  return policy.channel === null && policy.categoryCode === null && policy.priority === null && policy.isWhistleblowing === null;
}
