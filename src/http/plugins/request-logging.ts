import type { FastifyInstance, FastifyServerOptions } from 'fastify';

/**
 * Logger settings for the server. A request is logged as one line with its id, method,
 * path, status and time, and nothing else: no client address (a public submission's or
 * tracking request's IP must never be written anywhere), no query string, no headers,
 * no body (where identity and tracking codes travel).
 */
export const requestLogSerializers: NonNullable<Exclude<FastifyServerOptions['logger'], boolean | undefined>> = {
  serializers: {
    req: (request: { id?: string; method?: string; url?: string }) => ({ id: request.id, method: request.method, path: request.url?.split('?')[0] }),
    res: (reply: { statusCode?: number }) => ({ statusCode: reply.statusCode }),
  },
  redact: {
    paths: ['trackingCode', '*.trackingCode', 'identity', '*.identity', 'headers.authorization', 'req.headers', 'remoteAddress', 'ip'],
    censor: '[redacted]',
  },
};

export function registerRequestLogging(app: FastifyInstance): void {
  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      { method: request.method, path: request.url.split('?')[0], statusCode: reply.statusCode, durationMs: Math.round(reply.elapsedTime * 10) / 10 },
      'request',
    );
  });
  app.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
}
