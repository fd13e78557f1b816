import swagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';

/** A multipart request body to document for a route, keyed like `POST /api/v1/complaints`. */
export type MultipartBodies = Record<string, object>;

/**
 * Registers the OpenAPI collector; must run before any route is added. Multipart bodies
 * are read by their handlers (streamed to disk), not by the validator, so their schemas
 * are added to the document here rather than to the route.
 */
export async function registerOpenApi(app: FastifyInstance, multipartBodies: MultipartBodies = {}): Promise<void> {
  await app.register(swagger, {
    transformObject: (documentObject) => {
      if (!('openapiObject' in documentObject)) return documentObject.swaggerObject;
      const document = documentObject.openapiObject;
      for (const [route, schema] of Object.entries(multipartBodies)) {
        const [method = '', path = ''] = route.split(' ');
        const operation = document.paths?.[path]?.[method.toLowerCase() as 'post'];
        if (!operation) continue;
        const existing = operation.requestBody !== undefined && 'content' in operation.requestBody ? operation.requestBody : { content: {} };
        operation.requestBody = { ...existing, content: { ...existing.content, 'multipart/form-data': { schema } } };
      }
      return document;
    },
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Aduan API',
        version: '1',
        description: 'Complaint intake and tracking. Errors are RFC 9457 problem details (application/problem+json). '
          + 'While the database cannot be reached, any request may answer 503 `server.unavailable` with a Retry-After header.',
      },
      components: {
        securitySchemes: {
          reporterToken: { type: 'http', scheme: 'bearer', description: 'The accessToken from POST /api/v1/track' },
          staffToken: { type: 'http', scheme: 'bearer', description: 'A token from POST /api/v1/auth/login or an API token. The aduan_session cookie works too, but a change (POST, PUT, PATCH, DELETE) carried by the cookie alone must come from a page of this server: its Origin (or else Referer) must be this server, or it is refused with 403 auth.cross_site_request' },
        },
      },
      tags: [
        { name: 'intake', description: 'Submitting complaints' },
        { name: 'tracking', description: 'Following a complaint with its register number and tracking code' },
        { name: 'cases', description: 'Case handling for staff: inbox, staff view, audit, letters' },
        { name: 'case actions', description: 'The workflow actions staff take on a case, one path each: who may take it, in which states, and its body' },
        { name: 'operations', description: 'Health' },
      ],
    },
  });
}

export function openApiRoute(app: FastifyInstance): void {
  app.get('/api/v1/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
