import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { Type } from 'typebox';
import { trackComplaint } from '../../../app/tracking/track-complaint.js';
import { DomainError } from '../../../domain/domain-error.js';
import type { HttpContext } from '../../http-context.js';
import { problemResponses } from '../shared/problem-schema.js';
import { ReporterViewSchema, presentReporterView } from './reporter-view-schema.js';

const TrackBody = Type.Object({
  registerNumber: Type.String({ minLength: 1, maxLength: 40 }),
  trackingCode: Type.String({ minLength: 1, maxLength: 40 }),
}, { additionalProperties: false });

export async function trackRoutes(app: FastifyInstance, context: HttpContext): Promise<void> {
  // Counts only wrong pairs, in memory (never stored): guessing is slowed, a reporter who
  // mistypes once is not. Keyed by client address, which is not written anywhere.
  const failures = new RateLimiterMemory({ points: context.limits.trackingFailuresPer15Min, duration: 15 * 60 });

  app.withTypeProvider<TypeBoxTypeProvider>().post('/api/v1/track', {
    schema: {
      summary: 'Open a complaint with its register number and tracking code',
      description: 'A wrong pair answers 404 with the same body whether the number exists or not. ' +
        'The answer carries a short-lived accessToken for the /api/v1/reporter endpoints.',
      tags: ['tracking'],
      body: TrackBody,
      response: {
        200: Type.Object({ complaint: ReporterViewSchema, accessToken: Type.String(), expiresAt: Type.String({ format: 'date-time' }) }),
        ...problemResponses(400, 404, 429),
      },
    },
    config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
  }, async (request) => {
    const record = await failures.get(request.ip);
    if (record !== null && record.consumedPoints >= context.limits.trackingFailuresPer15Min) {
      throw new DomainError('tracking.too_many_attempts', { retryAfterSeconds: Math.ceil(record.msBeforeNext / 1000) });
    }
    try {
      const tracked = await trackComplaint(context.deps, request.body);
      return { complaint: presentReporterView(tracked.view), accessToken: tracked.accessToken, expiresAt: tracked.expiresAt.toISOString() };
    } catch (error) {
      if (error instanceof DomainError && error.code === 'tracking.not_found') await failures.penalty(request.ip, 1);
      throw error;
    }
  });
}
