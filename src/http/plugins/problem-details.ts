import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { databaseErrorSummary, isDatabaseUnavailable } from '../../app/database-unavailable.js';
import { DomainError, type DomainErrorCode, type FieldProblem } from '../../domain/domain-error.js';
import { localeFromAcceptLanguage, type Locale } from '../../i18n/locale.js';
import { fieldMessage, problemTitle, type ProblemTitleKey } from '../../i18n/problem-messages.js';

/** The only place that knows which HTTP status a refusal gets. */
const statusOf: Record<DomainErrorCode, number> = {
  'request.invalid': 400,
  'intake.channel_requires_staff': 403,
  'intake.unknown_category': 400,
  'intake.identity_incomplete': 400,
  'attachment.too_large': 413,
  'attachment.type_not_allowed': 415,
  'attachment.too_many': 413,
  'tracking.not_found': 404,
  'tracking.too_many_attempts': 429,
  'reporter.token_invalid': 401,
  'complaint.not_found': 404,
  'complaint.is_final': 409,
  'register_number.invalid': 400,
  'tracking_code.invalid': 400,
  'workflow.forbidden': 403,
  'workflow.not_your_turn': 403,
  'workflow.action_not_allowed': 409,
  'publication.not_consented': 409,
  'auth.required': 401,
  'auth.forbidden': 403,
  'auth.invalid_credentials': 401,
  'auth.totp_required': 401,
  'auth.totp_invalid': 401,
  'auth.totp_enrolment_required': 403,
  'auth.totp_already_enabled': 409,
  'auth.totp_not_enrolled': 409,
  'auth.token_not_found': 404,
  'auth.cross_site_request': 403,
  'auth.sign_in_throttled': 429,
  'attachment.not_found': 404,
  'admin.not_found': 404,
  'letter.not_found': 404,
  'receipt.not_found': 404,
  'admin.already_exists': 409,
  'admin.unit_parent_cycle': 409,
  'admin.unit_in_use': 409,
  'admin.self_deactivation': 409,
  'whistleblowing.no_integrity_team': 409,
  'whistleblowing.integrity_team_needed': 409,
  'case.verifier_concerned': 409,
};

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance: string;
  code: string;
  errors?: { pointer: string; detail: string; code: string }[];
  state?: string;
  allowed?: string[];
  awaiting?: { role: string; unitId: number };
}

export function requestLocale(request: FastifyRequest): Locale {
  return localeFromAcceptLanguage(request.headers['accept-language']);
}

export function problemBody(request: FastifyRequest, status: number, code: ProblemTitleKey, fields: FieldProblem[] = []): ProblemBody {
  const locale = requestLocale(request);
  const body: ProblemBody = { type: `/problems/${code}`, title: problemTitle(locale, code), status, instance: request.url.split('?')[0] ?? '/', code };
  if (fields.length > 0) {
    body.errors = fields.map((field) => ({ pointer: field.pointer, code: field.code, detail: fieldMessage(locale, field.code, field.params) }));
  }
  return body;
}

/** For Fastify's `frameworkErrors` option: its refusals before routing, as problem+json. */
export function sendFrameworkProblem(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return sendProblem(reply, frameworkProblem(request, error) ?? problemBody(request, 400, 'request.invalid'));
}

function sendProblem(reply: FastifyReply, body: ProblemBody): FastifyReply {
  return reply.code(body.status).type('application/problem+json').send(body);
}

interface AjvError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
}

/**
 * Turns validator errors into one entry per bad field, as pointers into the body. A field
 * that must be one of a few values names them (`allowed`): when it is missing, when it is
 * another value, and when the schema lists the values as a union of constants (the
 * validator then reports each constant apart; they are gathered into one `enum` entry).
 * `schema` is the schema validated against, to find a missing field's allowed values.
 */
export function fieldsFromValidation(errors: readonly AjvError[], prefix = '', schema?: unknown): FieldProblem[] {
  const fields = new Map<string, FieldProblem>();
  const constants = new Map<string, string[]>();
  for (const error of errors) {
    if (error.keyword === 'const') {
      const key = prefix + error.instancePath || '/';
      constants.set(key, [...(constants.get(key) ?? []), String(error.params.allowedValue)]);
    }
  }
  for (const error of errors) {
    let pointer = prefix + error.instancePath;
    let code = error.keyword;
    const params: Record<string, string | number> = {};
    if (error.keyword === 'required') {
      pointer += `/${String(error.params.missingProperty)}`;
      const allowed = allowedValuesAt(schema, `${error.instancePath}/${String(error.params.missingProperty)}`);
      if (allowed) params.allowed = allowed.join(', ');
    }
    if (error.keyword === 'additionalProperties') {
      pointer += `/${String(error.params.additionalProperty)}`;
      params.name = String(error.params.additionalProperty);
    }
    if ('limit' in error.params) params.limit = Number(error.params.limit);
    if ('type' in error.params) params.type = String(error.params.type);
    if ('format' in error.params) params.format = String(error.params.format);
    if (Array.isArray(error.params.allowedValues)) params.allowed = error.params.allowedValues.join(', ');
    const key = pointer || '/';
    const unionOfConstants = constants.get(key);
    if ((code === 'const' || code === 'anyOf' || code === 'oneOf') && unionOfConstants) {
      code = unionOfConstants.length > 1 ? 'enum' : 'const';
      params.allowed = unionOfConstants.join(', ');
    }
    // A failed union reports every branch; the first specific message per field is the useful one.
    if (!fields.has(key)) fields.set(key, { pointer: key, code, params });
  }
  return [...fields.values()];
}

/** The values a field of `schema` at `pointer` (e.g. `/finding`) must take, if it lists them. */
function allowedValuesAt(schema: unknown, pointer: string): string[] | undefined {
  let node = schema as { properties?: Record<string, unknown> } | undefined;
  for (const segment of pointer.split('/').slice(1)) node = node?.properties?.[segment] as typeof node;
  const field = node as { enum?: unknown[]; const?: unknown; anyOf?: { const?: unknown }[] } | undefined;
  if (Array.isArray(field?.enum)) return field.enum.map(String);
  if (field?.const !== undefined) return [String(field.const)];
  if (Array.isArray(field?.anyOf) && field.anyOf.length > 0 && field.anyOf.every((branch) => branch.const !== undefined)) {
    return field.anyOf.map((branch) => String(branch.const));
  }
  return undefined;
}

/** The schema of the request part that failed validation, as the route declared it. */
function validatedSchema(request: FastifyRequest, part: string | undefined): unknown {
  const schema = request.routeOptions.schema as Record<string, unknown> | undefined;
  return part === 'querystring' ? schema?.querystring : part ? schema?.[part] : undefined;
}

/**
 * Fastify's own refusals, made before a route is found (FST_ERR_*): a path that is not
 * valid percent-encoding, a path parameter over the length limit. (A body of a type no
 * parser reads, or too large, keeps its 415 or 413 below.)
 */
export function frameworkProblem(request: FastifyRequest, error: { code?: string; statusCode?: number }): ProblemBody | undefined {
  switch (error.code) {
    case 'FST_ERR_BAD_URL':
      return problemBody(request, 400, 'request.invalid', [{ pointer: '/url', code: 'url_encoding' }]);
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return problemBody(request, 414, 'request.uri_too_long');
    default:
      return undefined;
  }
}

/**
 * Answers what Node's HTTP parser refuses before Fastify sees a request (headers too large,
 * a broken request line): there is no request to read a language from, so Indonesian.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed || !socket.writable) return;
  const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const code: ProblemTitleKey = status === 431 ? 'request.header_too_large' : 'request.invalid';
  const body = JSON.stringify({ type: `/problems/${code}`, title: problemTitle('id', code), status, instance: '/', code });
  const reason = status === 431 ? 'Request Header Fields Too Large' : status === 408 ? 'Request Timeout' : 'Bad Request';
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/problem+json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}

/**
 * Seconds a client is asked to wait (Retry-After) when the database cannot be reached: long
 * enough not to hammer a server that is restarting, short enough that nobody gives up.
 */
export const unavailableRetryAfterSeconds = 5;

/**
 * If the request failed because the database is unreachable, logs it in one line, sets 503's
 * Retry-After and answers true: the API and the pages then say "try again shortly".
 */
export function markedUnavailable(error: unknown, request: FastifyRequest, reply: FastifyReply): boolean {
  if (!isDatabaseUnavailable(error)) return false;
  request.log.warn({ error: databaseErrorSummary(error) }, 'database unavailable');
  void reply.header('retry-after', String(unavailableRetryAfterSeconds));
  return true;
}

/**
 * The one place a refusal's Retry-After is set, for the API and the pages: the wait a 429
 * refusal carries (the guessing pair's or the tracking counter's window), or the one a page's
 * own limit gives. The request rate limiter sets its window itself before its error is thrown.
 */
export function sayRetryAfter(reply: FastifyReply, refusal: DomainError | { retryAfterSeconds: number }): void {
  if (!(refusal instanceof DomainError)) void reply.header('retry-after', String(refusal.retryAfterSeconds));
  else if (statusOf[refusal.code] === 429) void reply.header('retry-after', String(refusal.details.retryAfterSeconds ?? 60));
}

/** The HTTP status a domain refusal maps to, for pages as well as the API. */
export function httpStatusOf(code: DomainErrorCode): number {
  return statusOf[code];
}

/**
 * @param htmlNotFound answers a browser that asked for a page (not under /api/) that does
 * not exist; the API keeps its problem+json.
 */
export function registerProblemDetails(app: FastifyInstance, htmlNotFound?: (request: FastifyRequest, reply: FastifyReply) => FastifyReply): void {
  app.setNotFoundHandler((request, reply) => {
    if (htmlNotFound && !request.url.startsWith('/api/') && /text\/html/.test(String(request.headers.accept ?? ''))) return htmlNotFound(request, reply);
    return sendProblem(reply, problemBody(request, 404, 'request.not_found'));
  });

  app.setErrorHandler((error: FastifyError | DomainError, request, reply) => {
    if (error instanceof DomainError) {
      const status = statusOf[error.code];
      sayRetryAfter(reply, error);
      const body = problemBody(request, status, error.code, error.fields);
      if (error.code === 'workflow.action_not_allowed') {
        // Extension members (RFC 9457 §3.2): what state the case is in and what can be done now.
        body.state = String(error.details.state);
        body.allowed = Array.isArray(error.details.allowed) ? error.details.allowed.map(String) : [];
        body.detail = `${body.title}: ${body.state}`;
      }
      if (error.code === 'workflow.not_your_turn' && typeof error.details.role === 'string' && typeof error.details.unitId === 'number') {
        // Whose turn it is: the staff view's timeline already shows this case's approval chain.
        body.awaiting = { role: error.details.role, unitId: error.details.unitId };
        body.detail = fieldMessage(requestLocale(request), 'awaiting_approver', body.awaiting);
      }
      return sendProblem(reply, body);
    }
    if (error.validation) {
      const prefix = error.validationContext === 'body' ? '' : `/${error.validationContext ?? ''}`;
      return sendProblem(reply, problemBody(request, 400, 'request.invalid', fieldsFromValidation(error.validation as AjvError[], prefix, validatedSchema(request, error.validationContext))));
    }
    if (markedUnavailable(error, request, reply)) return sendProblem(reply, problemBody(request, 503, 'server.unavailable'));
    const status = error.statusCode ?? 500;
    const framework = frameworkProblem(request, error);
    if (framework) return sendProblem(reply, framework);
    if (status === 413) return sendProblem(reply, problemBody(request, 413, 'request.too_large'));
    if (status === 415) return sendProblem(reply, problemBody(request, 415, 'request.unsupported_media_type'));
    if (status === 429) return sendProblem(reply, problemBody(request, 429, 'request.rate_limited'));
    if (status >= 400 && status < 500) {
      // Malformed JSON, an empty body and the like: the client's mistake, in one line.
      return sendProblem(reply, { ...problemBody(request, status, 'request.invalid'), detail: error.message });
    }
    // A bug or an outage: logged with the request id, and the body reveals nothing.
    request.log.error({ err: error }, 'request failed');
    return sendProblem(reply, problemBody(request, 500, 'server.error'));
  });
}
