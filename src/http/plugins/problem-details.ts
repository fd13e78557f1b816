import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
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
  'admin.not_found': 404,
  'letter.not_found': 404,
  'admin.already_exists': 409,
  'admin.unit_parent_cycle': 409,
  'admin.unit_in_use': 409,
  'admin.self_deactivation': 409,
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

function sendProblem(reply: FastifyReply, body: ProblemBody): FastifyReply {
  return reply.code(body.status).type('application/problem+json').send(body);
}

interface AjvError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
}

/** Turns validator errors into one entry per bad field, as pointers into the body. */
export function fieldsFromValidation(errors: readonly AjvError[], prefix = ''): FieldProblem[] {
  const fields = new Map<string, FieldProblem>();
  for (const error of errors) {
    let pointer = prefix + error.instancePath;
    const params: Record<string, string | number> = {};
    if (error.keyword === 'required') pointer += `/${String(error.params.missingProperty)}`;
    if (error.keyword === 'additionalProperties') {
      pointer += `/${String(error.params.additionalProperty)}`;
      params.name = String(error.params.additionalProperty);
    }
    if ('limit' in error.params) params.limit = Number(error.params.limit);
    if ('type' in error.params) params.type = String(error.params.type);
    if ('format' in error.params) params.format = String(error.params.format);
    if (Array.isArray(error.params.allowedValues)) params.allowed = error.params.allowedValues.join(', ');
    const key = pointer || '/';
    // A failed union reports every branch; the first specific message per field is the useful one.
    if (!fields.has(key)) fields.set(key, { pointer: key, code: error.keyword, params });
  }
  return [...fields.values()];
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
      if (status === 429) void reply.header('retry-after', String(error.details.retryAfterSeconds ?? 60));
      const body = problemBody(request, status, error.code, error.fields);
      if (error.code === 'workflow.action_not_allowed') {
        // Extension members (RFC 9457 §3.2): what state the case is in and what can be done now.
        body.state = String(error.details.state);
        body.allowed = Array.isArray(error.details.allowed) ? error.details.allowed.map(String) : [];
        body.detail = `${body.title}: ${body.state}`;
      }
      return sendProblem(reply, body);
    }
    if (error.validation) {
      const prefix = error.validationContext === 'body' ? '' : `/${error.validationContext ?? ''}`;
      return sendProblem(reply, problemBody(request, 400, 'request.invalid', fieldsFromValidation(error.validation as AjvError[], prefix)));
    }
    const status = error.statusCode ?? 500;
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
