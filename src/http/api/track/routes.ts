import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { HttpContext } from '../../http-context.js';
import { problemResponses } from '../shared/problem-schema.js';
import { ReporterViewSchema, presentReporterView } from './reporter-view-schema.js';
import { trackWithAttemptLimit } from '../../shared/tracking-attempts.js';

const TrackBody = Type.Object({
  registerNumber: Type.String({ minLength: 1, maxLength: 40 }),
  trackingCode: Type.String({ minLength: 1, maxLength: 40 }),
}, { additionalProperties: false });

export async function trackRoutes(app: FastifyInstance, context: HttpContext): Promise<void> {
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
    // Wrong pairs count against the same limit as on the tracking page (tracking-attempts.ts).
    const tracked = await trackWithAttemptLimit(context, request.ip, request.body);
    return { complaint: presentReporterView(tracked.view), accessToken: tracked.accessToken, expiresAt: tracked.expiresAt.toISOString() };
  });
}
