import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';

/**
 * Strict defaults: no inline script or style, no framing, no referrer leaking case URLs.
 * helmet's middleware is built once here and only applied per request (the Fastify wrapper
 * rebuilt it, CSP string included, on every request).
 */
export function registerSecurityHeaders(app: FastifyInstance): void {
  const applySecurityHeaders = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onRequest', (request, reply, done) => {
    applySecurityHeaders(request.raw, reply.raw, (error?: unknown) => done(error instanceof Error ? error : undefined));
  });
}
