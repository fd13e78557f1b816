import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import Fastify, { LogController, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { AppDeps } from '../app/deps.js';
import { maxAttachmentBytes, maxAttachmentsPerRequest } from '../domain/complaint/attachment-policy.js';
import { adminRoutes } from './api/admin/routes.js';
import { authRoutes } from './api/auth/routes.js';
import { caseRoutes } from './api/cases/routes.js';
import { complaintRoutes } from './api/complaints/routes.js';
import { notificationRoutes } from './api/notifications/routes.js';
import { SubmitComplaintMultipart } from './shared/complaint-schemas.js';
import { ReporterAttachmentsMultipart } from './api/reporter/schemas.js';
import { letterRoutes } from './api/letters/routes.js';
import { letterAdminMultipartBodies } from './api/admin/letter-routes.js';
import { openApiRoute, registerOpenApi } from './api/openapi.js';
import { reporterRoutes } from './api/reporter/routes.js';
import { trackRoutes } from './api/track/routes.js';
import type { HttpContext } from './http-context.js';
import { clientErrorHandler, problemBody, registerProblemDetails, sendFrameworkProblem, unavailableRetryAfterSeconds } from './plugins/problem-details.js';
import { registerInputHygiene } from './plugins/input-hygiene.js';
import { registerCrossSiteGuard } from './plugins/cross-site-guard.js';
import { registerRequestLogging, requestLogSerializers } from './plugins/request-logging.js';
import { registerSecurityHeaders } from './plugins/security-headers.js';
import { renderNotFoundPage, webPages } from './web/plugin.js';

export interface ServerOptions {
  /** A pino logger configuration, a destination stream, or false for none. */
  logger: FastifyServerOptions['logger'] | false;
  loggerInstance?: FastifyServerOptions['loggerInstance'];
  trustProxy: boolean | number | string[];
  limits: HttpContext['limits'];
  /** Where uploads stream to while a request is read: made by `createUploadDir` at start. */
  uploadDir: string;
  /** Answers whether the database is reachable, for /healthz. */
  isHealthy: () => Promise<boolean>;
  /** pg-boss's schema, for the failed-jobs listing; `pgboss` unless a test gives its own. */
  jobQueueSchema?: string;
}

/** Routes whose handlers read multipart/form-data themselves; documented in the OpenAPI too. */
const multipartBodies = {
  'POST /api/v1/complaints': SubmitComplaintMultipart,
  'POST /api/v1/reporter/attachments': ReporterAttachmentsMultipart,
  ...letterAdminMultipartBodies,
};

/** Builds the whole HTTP application around the use cases' dependencies; does not listen. */
export async function buildServer(deps: AppDeps, options: ServerOptions): Promise<FastifyInstance> {
  const serverOptions: FastifyServerOptions = {
    // One line per request comes from our onResponse hook (request-logging.ts) instead.
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: () => randomUUID(),
    trustProxy: trustProxySetting(options.trustProxy),
    bodyLimit: 1024 * 1024,
    // Every bad field is listed at once; safe because every string and array in our
    // schemas has a maximum and the body is capped at 1 MB.
    // Query strings are text: `?limit=50&mine=true` must reach the schema as a number and a boolean.
    ajv: { customOptions: { allErrors: true, removeAdditional: false, coerceTypes: 'array' } },
    return503OnClosing: true,
    // Refusals made before a route is found, and those of Node's HTTP parser, as problem+json too.
    frameworkErrors: sendFrameworkProblem,
    clientErrorHandler,
  };
  const app: FastifyInstance = options.loggerInstance
    ? Fastify({ ...serverOptions, loggerInstance: options.loggerInstance })
    : Fastify({ ...serverOptions, logger: options.logger === false ? false : { ...requestLogSerializers, ...(typeof options.logger === 'object' ? options.logger : {}) } });
  const context: HttpContext = { deps, limits: options.limits, uploadDir: options.uploadDir };

  registerProblemDetails(app, (request, reply) => renderNotFoundPage(context, request, reply));
  registerInputHygiene(app, Object.keys(multipartBodies));
  registerRequestLogging(app);
  registerSecurityHeaders(app);
  registerCrossSiteGuard(app, deps.publicUrl);
  await app.register(cookie);
  // Kept in memory on purpose: a client's address is never stored.
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (request, detail) => ({ ...problemBody(request, 429, 'request.rate_limited'), statusCode: 429, retryAfter: detail.after }),
  });
  await app.register(multipart, {
    limits: { fileSize: maxAttachmentBytes, files: maxAttachmentsPerRequest + 2, fields: 10, fieldSize: 1024 * 1024, parts: maxAttachmentsPerRequest + 12 },
    throwFileSizeLimit: true,
  });
  await registerOpenApi(app, multipartBodies);

  app.get('/healthz', { schema: { hide: true } }, async (_request, reply) => {
    const healthy = await options.isHealthy();
    if (!healthy) void reply.header('retry-after', String(unavailableRetryAfterSeconds));
    return reply.code(healthy ? 200 : 503).send({ status: healthy ? 'ok' : 'unavailable' });
  });
  await complaintRoutes(app, context);
  await caseRoutes(app, context);
  await trackRoutes(app, context);
  await letterRoutes(app, context);
  await reporterRoutes(app, context);
  await authRoutes(app, context);
  await adminRoutes(app, context);
  await notificationRoutes(app, context, { jobQueueSchema: options.jobQueueSchema });
  await webPages(app, context);
  openApiRoute(app);
  return app;
}

/** A hop count means "trust the nearest N proxies", as Fastify documents for numbers. */
function trustProxySetting(value: ServerOptions['trustProxy']): FastifyServerOptions['trustProxy'] {
  if (typeof value !== 'number') return value;
  return (_address: string, hop: number) => hop < value;
}
