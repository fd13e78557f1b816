import swagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';

/** Registers the OpenAPI collector; must run before any route is added. */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Aduan API',
        version: '1',
        description: 'Complaint intake and tracking. Errors are RFC 9457 problem details (application/problem+json).',
      },
      components: {
        securitySchemes: {
          reporterToken: { type: 'http', scheme: 'bearer', description: 'The accessToken from POST /api/v1/track' },
        },
      },
      tags: [
        { name: 'intake', description: 'Submitting complaints' },
        { name: 'tracking', description: 'Following a complaint with its register number and tracking code' },
        { name: 'operations', description: 'Health' },
      ],
    },
  });
}

export function openApiRoute(app: FastifyInstance): void {
  app.get('/api/v1/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
