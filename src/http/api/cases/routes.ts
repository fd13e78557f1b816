import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type, type Static } from 'typebox';
import { applyStaffAction, type RequestedCaseAction } from '../../../app/case-handling/apply-case-action.js';
import { renderCaseDossier } from '../../../documents/dossier/render-case-dossier.js';
import { exportCase, type DossierFormat } from '../../../app/case-handling/export-case.js';
import { exportInbox, inboxExportRowLimit } from '../../../app/case-handling/export-inbox.js';
import { getStaffView } from '../../../app/case-handling/get-staff-view.js';
import { listInbox } from '../../../app/case-handling/list-inbox.js';
import { readCaseAttachment } from '../../../app/case-handling/read-case-attachment.js';
import { renderCaseLetter } from '../../../app/case-handling/render-case-letter.js';
import { renderInboxWorkbook } from '../../../documents/inbox/render-inbox-workbook.js';
import { verifyCaseChain } from '../../../app/case-handling/verify-case-chain.js';
import { complaintStatuses, isComplaintStatus } from '../../../domain/complaint/complaint-status.js';
import { channels } from '../../../domain/complaint/channel.js';
import { DomainError } from '../../../domain/domain-error.js';
import type { StaffView } from '../../../domain/views/staff-view.js';
import type { HttpContext } from '../../http-context.js';
import { readAsStaff, requireStaff } from '../../plugins/staff-auth.js';
import { sendAsDownload } from '../shared/attachment-download.js';
import { DeadlineSchema, presentDeadline } from '../shared/deadline-schema.js';
import { problemResponses } from '../shared/problem-schema.js';
import { localeFromAcceptLanguage } from '../../../i18n/locale.js';
import { actionDocs } from './action-docs.js';
import { staffActionBodies, staffActionNames } from '../../shared/action-schemas.js';

const security = [{ staffToken: [] }];
const StaffViewReply = Type.Object({
  deadlines: Type.Array(DeadlineSchema),
}, { additionalProperties: true, description: 'The staff view: the case, its deadlines, its timeline, the reporter as this caller may see them, and allowedActions' });
const presentStaffView = (view: StaffView) => ({ ...view, deadlines: view.deadlines.map(presentDeadline) });
const CaseParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

const inboxFilterFields = {
  status: Type.Optional(Type.String({ maxLength: 300, description: 'One or more statuses, comma-separated' })),
  unitId: Type.Optional(Type.Integer({ minimum: 1 })),
  category: Type.Optional(Type.String({ maxLength: 64 })),
  priority: Type.Optional(Type.Enum(['low', 'medium', 'high'])),
  channel: Type.Optional(Type.Enum([...channels])),
  assigneeId: Type.Optional(Type.Integer({ minimum: 1 })),
  mine: Type.Optional(Type.Boolean({ description: 'Only cases assigned to me' })),
  awaitingMyApproval: Type.Optional(Type.Boolean()),
  overdue: Type.Optional(Type.Boolean()),
  receivedFrom: Type.Optional(Type.String({ format: 'date-time' })),
  receivedTo: Type.Optional(Type.String({ format: 'date-time' })),
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Full-text search over title, description and 5W1H' })),
  sort: Type.Optional(Type.Enum(['due', 'received'])),
};

const InboxQuery = Type.Object({
  ...inboxFilterFields,
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  cursor: Type.Optional(Type.String({ maxLength: 200, description: 'The `next` of the previous page' })),
}, { additionalProperties: false });

const InboxExportQuery = Type.Object(inboxFilterFields, { additionalProperties: false });

// `type: [x, 'null']` rather than anyOf: the compiled serializer picks an anyOf branch by
// validating each value against it, which cost more than the rest of the inbox's answer.
const nullableString = (options: { format?: string; description?: string } = {}) => Type.Unsafe<string | null>({ type: ['string', 'null'], ...options });
const nullableInteger = () => Type.Unsafe<number | null>({ type: ['integer', 'null'] });
const InboxReply = Type.Object({
  items: Type.Array(Type.Object({
    id: Type.String({ format: 'uuid' }),
    registerNumber: Type.String(),
    title: Type.String(),
    status: Type.String(),
    channel: Type.String(),
    categoryCode: nullableString(),
    priority: nullableString(),
    unitId: Type.Integer(),
    handlerId: nullableInteger(),
    receivedAt: Type.String({ format: 'date-time' }),
    responseDueAt: nullableString({ format: 'date-time' }),
    isWhistleblowing: Type.Boolean(),
  })),
  next: nullableString({ description: 'Pass as `cursor` for the next page; null on the last page' }),
  countsByStatus: Type.Record(Type.String(), Type.Integer(), { description: 'Visible cases matching the other filters, per status' }),
});

const DossierQuery = Type.Object({
  format: Type.Optional(Type.Enum(['pdf', 'json'], { description: 'Overrides the Accept header; PDF unless JSON is asked for' })),
  lang: Type.Optional(Type.Enum(['id', 'en'], { description: "The PDF's language; overrides Accept-Language. Indonesian unless English is asked for" })),
  unsealReason: Type.Optional(Type.String({
    minLength: 1, maxLength: 1000,
    description: "Include a confidential reporter's identity: unseals it (heads only), recorded as identity.unsealed with this reason",
  })),
}, { additionalProperties: false });

export async function caseRoutes(app: FastifyInstance, context: HttpContext): Promise<void> {
  const typed = app.withTypeProvider<TypeBoxTypeProvider>();
  const { deps } = context;

  typed.get('/api/v1/complaints', {
    schema: { summary: 'The inbox: cases I may see, filtered, sorted and paged (keyset), with counts per status', tags: ['cases'], security, querystring: InboxQuery, response: { 200: InboxReply, ...problemResponses(400, 401) } },
  }, async (request) => {
    const query = request.query;
    const filters = inboxFilters(query);
    const after = decodeCursor(query.cursor);
    const page = await readAsStaff(request, deps, (actor) => listInbox(deps, actor, { ...filters, limit: query.limit ?? 50, after }));
    const items = page.items.map((item) => ({ ...item, receivedAt: item.receivedAt.toISOString(), responseDueAt: item.responseDueAt?.toISOString() ?? null }));
    return { items, next: page.next ? Buffer.from(JSON.stringify(page.next)).toString('base64url') : null, countsByStatus: page.countsByStatus };
  });

  typed.get('/api/v1/complaints/export.xlsx', {
    schema: {
      summary: 'The inbox as an Excel workbook, with the same filters', tags: ['cases'], security, querystring: InboxExportQuery,
      description: `The cases I may see, at most ${inboxExportRowLimit} in the chosen order (the second sheet says when more matched), without reporter identity. ` +
        'Recorded in the audit log (GET /api/v1/admin/audit, action inbox.exported) with the filters and the row count. Staff whose roles read no cases get 403.',
      response: { 200: Type.Unknown({ description: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), ...problemResponses(400, 401, 403) },
    },
  }, async (request, reply) => {
    const exported = await exportInbox(deps, await requireStaff(request, deps), inboxFilters(request.query));
    const day = exported.exportedAt.toISOString().slice(0, 10);
    return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="pengaduan-${day}.xlsx"`).send(await renderInboxWorkbook(exported));
  });

  typed.get('/api/v1/complaints/:id', {
    schema: { summary: 'The staff view of a case: timeline and the actions open to me now', tags: ['cases'], security, params: CaseParams, response: { 200: StaffViewReply, ...problemResponses(401, 404) } },
  }, async (request) => presentStaffView(await getStaffView(deps, await requireStaff(request, deps), request.params.id)));

  // One path per action, each with its own body schema: the document describes exactly what is validated.
  for (const action of staffActionNames) {
    typed.post(`/api/v1/complaints/:id/actions/${action}`, {
      schema: {
        ...actionDocs(action, 'staff'), tags: ['case actions'], security, operationId: `case_${action}`,
        params: CaseParams, body: staffActionBodies[action],
        response: { 200: StaffViewReply, ...problemResponses(400, 401, 403, 404, 409) },
      },
      // An action without fields may be posted without a body.
      preValidation: async (request) => { request.body ??= {}; },
    }, async (request) => {
      const actor = await requireStaff(request, deps);
      // The body passed the schema of exactly this action, which mirrors its CaseAction member.
      return presentStaffView(await applyStaffAction(deps, request.params.id, actor, { action, ...(request.body as object) } as RequestedCaseAction));
    });
  }

  typed.get('/api/v1/complaints/:id/audit', {
    schema: { summary: "Verify the case's hash chain and name the first broken link", tags: ['cases'], security, params: CaseParams, response: { 200: Type.Unknown({ description: '{ isIntact, eventCount, firstBrokenSequence, problem }' }), ...problemResponses(401, 404) } },
  }, async (request) => verifyCaseChain(deps, await requireStaff(request, deps), request.params.id));

  typed.get('/api/v1/complaints/:id/export', {
    schema: {
      summary: 'Export the case dossier (PDF, or JSON by Accept or ?format=json)', tags: ['cases'], security, params: CaseParams, querystring: DossierQuery,
      description: 'What I may see of the case, its whole timeline and its attachments\' fingerprints. Every export is appended to the case as a case.exported event ' +
        'in the same transaction. An identified reporter appears as in the staff view; a confidential one only with unsealReason. ' +
        'The PDF is in Indonesian, or in English by Accept-Language or ?lang=en. ' +
        'A case I may not see answers 404, as reading it does; unsealing without the role 403; nothing to unseal 409.',
      response: { 200: Type.Unknown({ description: 'application/pdf, or the dossier as JSON' }), ...problemResponses(400, 401, 403, 404, 409) },
    },
  }, async (request, reply) => {
    const format: DossierFormat = request.query.format ?? (prefersJson(request.headers.accept) ? 'json' : 'pdf');
    const dossier = await exportCase(deps, await requireStaff(request, deps), request.params.id, { format, unsealReason: request.query.unsealReason });
    const fileName = `berkas-${dossier.case.registerNumber}.${format}`;
    reply.header('content-disposition', `attachment; filename="${fileName}"`).header('cache-control', 'no-store');
    if (format === 'json') return reply.type('application/json; charset=utf-8').send(dossier);
    const locale = request.query.lang ?? localeFromAcceptLanguage(request.headers['accept-language']);
    return reply.type('application/pdf').header('content-language', locale).send(await renderCaseDossier(dossier, { locale }));
  });

  typed.get('/api/v1/complaints/:id/attachments/:attachmentId', {
    schema: {
      summary: 'Download one evidence file of the case', tags: ['cases'], security,
      params: Type.Object({ id: Type.String({ format: 'uuid' }), attachmentId: Type.String({ format: 'uuid' }) }),
      description: 'Always a download (Content-Disposition: attachment), never rendered: only PDF and common image, audio and video types keep their type; ' +
        'text, HTML, SVG, XML and anything else go out as application/octet-stream, with nosniff and a sandboxing CSP. A case I may not see answers 404, as reading it does.',
      response: { 200: Type.Unknown({ description: 'the file as it was uploaded' }), ...problemResponses(400, 401, 404) },
    },
  }, async (request, reply) => sendAsDownload(reply, await readCaseAttachment(deps, await requireStaff(request, deps), request.params.id, request.params.attachmentId)));

  typed.get('/api/v1/complaints/:id/letter', {
    schema: { summary: 'The signed response letter (PDF)', tags: ['cases'], security, params: CaseParams, response: { 200: Type.Unknown({ description: 'application/pdf' }), ...problemResponses(401, 404) } },
  }, async (request, reply) => {
    const letter = await renderCaseLetter(deps, { kind: 'staff', actor: await requireStaff(request, deps) }, request.params.id);
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="${letter.fileName}"`).send(letter.pdf);
  });
}

type InboxFilterQuery = Static<typeof InboxExportQuery>;

/** The inbox's filters from the query string, shared by the inbox and its export. */
function inboxFilters(query: InboxFilterQuery) {
  const statuses = query.status?.split(',').map((status) => status.trim()).filter((status) => status !== '');
  const unknown = statuses?.filter((status) => !isComplaintStatus(status)) ?? [];
  if (unknown.length > 0) throw new DomainError('request.invalid', {}, [{ pointer: '/querystring/status', code: 'enum', params: { allowed: complaintStatuses.join(', ') } }]);
  return {
    status: statuses?.filter(isComplaintStatus), unitId: query.unitId, categoryCode: query.category, priority: query.priority, channel: query.channel,
    assigneeId: query.assigneeId, isMine: query.mine, isAwaitingMyApproval: query.awaitingMyApproval, isOverdue: query.overdue,
    receivedFrom: query.receivedFrom ? new Date(query.receivedFrom) : undefined, receivedTo: query.receivedTo ? new Date(query.receivedTo) : undefined,
    text: query.q, sort: query.sort ?? 'due' as const,
  };
}

// JSON when the client asks for it and not for PDF; a browser's wildcard gets the PDF.
function prefersJson(accept: string | undefined): boolean {
  if (accept === undefined) return false;
  return /\bapplication\/json\b/i.test(accept) && !/\bapplication\/pdf\b/i.test(accept);
}

function decodeCursor(cursor: string | undefined): { at: string; id: string } | undefined {
  if (cursor === undefined) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { at?: unknown; id?: unknown };
    if (typeof parsed.at === 'string' && typeof parsed.id === 'string' && !Number.isNaN(Date.parse(parsed.at)) && /^[0-9a-f-]{36}$/.test(parsed.id)) {
      return { at: parsed.at, id: parsed.id };
    }
  } catch {
    // Falls through to the refusal below.
  }
  throw new DomainError('request.invalid', {}, [{ pointer: '/querystring/cursor', code: 'pattern' }]);
}
