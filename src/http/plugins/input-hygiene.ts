import type { Socket } from 'node:net';
import type { Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import { DomainError, type FieldProblem } from '../../domain/domain-error.js';

/**
 * Refusals every route needs and no route should write for itself: text PostgreSQL cannot
 * store, numbers it cannot hold, and bodies of a type the route does not read. Each is a
 * 400 (or 415) naming the field, before the validator and long before a use case.
 */

// A NUL, or half of a surrogate pair: PostgreSQL stores neither (text refuses NUL, jsonb a
// lone surrogate), and no person types them.
// eslint-disable-next-line no-control-regex
const unstorableText = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** At most this many problems are listed; a body full of them needs no longer answer. */
const maxProblems = 20;

/** JSON pointer escaping (RFC 6901) of one key, itself already known to be storable text. */
function pointerPart(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * Lists every string (value or key) PostgreSQL could not store and every number that is not
 * finite (`1e309` parses to Infinity), as pointers under `prefix`.
 */
export function unstorableValues(value: unknown, prefix = ''): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const visit = (item: unknown, pointer: string, depth: number): void => {
    if (problems.length >= maxProblems) return;
    if (typeof item === 'string') {
      if (unstorableText.test(item)) problems.push({ pointer: pointer || '/', code: 'text_characters' });
      return;
    }
    if (typeof item === 'number') {
      if (!Number.isFinite(item)) problems.push({ pointer: pointer || '/', code: 'number_finite' });
      return;
    }
    // The body limit bounds the size; the depth bound keeps a deeply nested array from the stack.
    if (item === null || typeof item !== 'object' || depth > 64) return;
    if (Array.isArray(item)) {
      item.forEach((element, index) => visit(element, `${pointer}/${index}`, depth + 1));
      return;
    }
    for (const [key, element] of Object.entries(item)) {
      if (unstorableText.test(key)) {
        problems.push({ pointer: pointer || '/', code: 'text_characters' });
        continue;
      }
      visit(element, `${pointer}/${pointerPart(key)}`, depth + 1);
    }
  };
  visit(value, prefix, 0);
  return problems;
}

/** Throws the 400 for `unstorableValues`, for readers that parse a body themselves (multipart). */
export function refuseUnstorable(value: unknown, prefix = ''): void {
  const problems = unstorableValues(value, prefix);
  if (problems.length > 0) throw new DomainError('request.invalid', {}, problems);
}

// PostgreSQL's bigint holds more, but JavaScript numbers are exact only this far: any id or
// count beyond it is a typing error or an attack, and must not reach a query.
const largestInteger = Number.MAX_SAFE_INTEGER;

/**
 * Gives every integer in a schema a range the database can hold, unless the schema names a
 * narrower one. Changes the schema in place (idempotent), so the OpenAPI document shows it.
 */
export function boundIntegers(schema: unknown, depth = 0): void {
  if (schema === null || typeof schema !== 'object' || depth > 32) return;
  if (Array.isArray(schema)) {
    for (const item of schema) boundIntegers(item, depth + 1);
    return;
  }
  const node = schema as Record<string, unknown>;
  const types = Array.isArray(node.type) ? node.type : [node.type];
  if (types.includes('integer')) {
    if (typeof node.maximum !== 'number' && typeof node.exclusiveMaximum !== 'number') node.maximum = largestInteger;
    if (typeof node.minimum !== 'number' && typeof node.exclusiveMinimum !== 'number') node.minimum = -largestInteger;
  }
  for (const [key, child] of Object.entries(node)) {
    // `default`, `examples` and `const` hold values, not schemas.
    if (key !== 'default' && key !== 'examples' && key !== 'const' && key !== 'enum') boundIntegers(child, depth + 1);
  }
}

/** The media types a route's body schema declares, or undefined when the route reads its own body. */
function declaredMediaTypes(routeOptions: RouteOptions, multipartRoutes: ReadonlySet<string>): string[] | undefined {
  const body = routeOptions.schema?.body as Record<string, unknown> | undefined;
  if (body === undefined) return undefined;
  const declared = typeof body.content === 'object' && body.content !== null && !('type' in body) ? Object.keys(body.content) : ['application/json'];
  const methods = Array.isArray(routeOptions.method) ? routeOptions.method : [routeOptions.method];
  const multipart = methods.some((method) => multipartRoutes.has(`${method} ${routeOptions.url}`));
  return multipart ? [...declared, 'multipart/form-data'] : declared;
}

/** A 415 as Fastify's own errors carry it, so the API and the pages both map it. */
function unsupportedMediaType(accepted: readonly string[]): Error & { statusCode: number } {
  return Object.assign(new Error(`Content-Type must be one of: ${accepted.join(', ')}`), { statusCode: 415 });
}

function mediaTypeOf(request: FastifyRequest): string | undefined {
  const header = request.headers['content-type'];
  if (header === undefined) return undefined;
  return header.split(';')[0]?.trim().toLowerCase();
}

/**
 * Registers the checks: must run before any route is added.
 * @param multipartRoutes routes (`POST /api/v1/complaints`) whose handler reads multipart itself
 */
export function registerInputHygiene(app: FastifyInstance, multipartRoutes: Iterable<string> = []): void {
  const multipart = new Set(multipartRoutes);
  app.addHook('onRoute', (routeOptions) => {
    const schema = routeOptions.schema as Record<string, unknown> | undefined;
    if (schema) for (const part of ['body', 'querystring', 'params', 'headers']) boundIntegers(schema[part]);
    const accepted = declaredMediaTypes(routeOptions, multipart);
    if (accepted === undefined) return;
    const refuseOtherMedia = async (request: FastifyRequest): Promise<void> => {
      const mediaType = mediaTypeOf(request);
      // No content type and no body: the validator says the body is missing.
      if (mediaType !== undefined && !accepted.includes(mediaType)) throw unsupportedMediaType(accepted);
    };
    const existing = routeOptions.preValidation;
    routeOptions.preValidation = existing === undefined ? [refuseOtherMedia] : [refuseOtherMedia, ...(Array.isArray(existing) ? existing : [existing])];
  });

  app.addHook('preValidation', async (request) => {
    const problems = [
      ...unstorableValues(request.params, '/params'),
      ...unstorableValues(request.query, '/querystring'),
      ...unstorableValues(request.body),
    ];
    if (problems.length > 0) throw new DomainError('request.invalid', {}, problems.slice(0, maxProblems));
  });
  // Answered before the body was read to its end (a file over the limit): closing the
  // connection stops the upload, where keeping it open would make Node read the rest.
  app.addHook('onSend', async (request, reply) => {
    const hasBody = request.headers['content-length'] !== undefined || request.headers['transfer-encoding'] !== undefined;
    if (hasBody && request.raw.complete === false) {
      void reply.header('connection', 'close');
      closeLingering(request.raw.socket, request.raw);
    }
  });
  // The validator turns query text into numbers: `?limit=1e309` only becomes Infinity there.
  app.addHook('preHandler', async (request) => {
    const problems = [...unstorableValues(request.params, '/params'), ...unstorableValues(request.query, '/querystring')];
    if (problems.length > 0) throw new DomainError('request.invalid', {}, problems.slice(0, maxProblems));
  });
}

/** How long a connection closed under an unread upload keeps draining before it is cut. */
const lingerMs = 2_000;

/**
 * Closes a connection whose client may still be sending as a "lingering close" does: our side
 * is shut after the answer and what still arrives is read and dropped for a moment, until the
 * client closes too. Closing at once with unread data makes the kernel reset the connection,
 * and a reset can make the client drop the answer it had already been sent (seen as a
 * connection error instead of the 413 that explains the limit).
 */
function closeLingering(socket: Socket, body: Readable): void {
  socket.destroySoon = function lingeringClose(this: Socket): void {
    body.resume();
    this.resume();
    const cut = setTimeout(() => this.destroy(), lingerMs);
    cut.unref();
    this.once('end', () => this.destroy());
    this.once('close', () => clearTimeout(cut));
    this.end();
  };
}

