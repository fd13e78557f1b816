import { RateLimiterMemory } from 'rate-limiter-flexible';
import { trackComplaint, type TrackedComplaint } from '../../app/tracking/track-complaint.js';
import { DomainError } from '../../domain/domain-error.js';
import type { HttpContext } from '../http-context.js';

// One counter per app, shared by the JSON API and the tracking page: a guesser who
// alternates between them gets no more tries than one who keeps to either.
function failuresOf(context: HttpContext): RateLimiterMemory {
  const counters = context.deps.caches.trackingFailures;
  const points = context.limits.trackingFailuresPer15Min;
  let failures = counters.get(points);
  if (failures === undefined) {
    failures = new RateLimiterMemory({ points, duration: 15 * 60 });
    counters.set(points, failures);
  }
  return failures;
}

/**
 * Opens a case by register number and tracking code, counting only wrong pairs, in memory
 * (never stored): guessing is slowed, a reporter who mistypes once is not. Keyed by client
 * address, which is not written anywhere.
 */
export async function trackWithAttemptLimit(context: HttpContext, clientAddress: string, input: { registerNumber: string; trackingCode: string }): Promise<TrackedComplaint> {
  const failures = failuresOf(context);
  const record = await failures.get(clientAddress);
  if (record !== null && record.consumedPoints >= context.limits.trackingFailuresPer15Min) {
    throw new DomainError('tracking.too_many_attempts', { retryAfterSeconds: Math.ceil(record.msBeforeNext / 1000) });
  }
  try {
    return await trackComplaint(context.deps, input);
  } catch (error) {
    if (error instanceof DomainError && error.code === 'tracking.not_found') await failures.penalty(clientAddress, 1);
    throw error;
  }
}
