import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { submitComplaint, type SubmitComplaintInput } from '../../../app/intake/submit-complaint.js';
import type { UploadedFile } from '../../../app/intake/uploaded-file.js';
import { DomainError } from '../../../domain/domain-error.js';
import type { HttpContext } from '../../http-context.js';
import { staffActorOf } from '../../plugins/staff-auth.js';
import { validated } from '../shared/validated.js';
import { problemResponses } from '../shared/problem-schema.js';
import { readMultipart } from '../shared/multipart-upload.js';
import { SubmitComplaintBody, SubmittedComplaintReply } from './schemas.js';

export async function complaintRoutes(app: FastifyInstance, context: HttpContext): Promise<void> {
  const typed = app.withTypeProvider<TypeBoxTypeProvider>();

  typed.post('/api/v1/complaints', {
    schema: {
      summary: 'Submit a complaint (the public: web only; intake officers: any channel, with receivedAt)',
      description: 'JSON, or multipart/form-data with the JSON in the `complaint` part plus `attachments` files. ' +
        'The tracking code in the answer is shown once and never again. ' +
        'A whistleblowing category goes to the integrity team alone from submission; with no active integrity team member it is refused (409 whistleblowing.no_integrity_team).',
      tags: ['intake'],
      body: { content: { 'application/json': { schema: SubmitComplaintBody } } },
      response: { 201: SubmittedComplaintReply, ...problemResponses(400, 403, 409, 413, 415, 429) },
    },
    config: { rateLimit: { max: context.limits.submissionsPerHour, timeWindow: '1 hour' } },
  }, async (request, reply) => {
    const isMultipart = request.isMultipart();
    const upload = isMultipart ? await readMultipart(request, context.deps.files.tempDir, ['attachments', 'identityDocuments']) : undefined;
    try {
      const body = upload ? parseComplaintPart(request, upload.fields) : (request.body as SubmitComplaintBody);
      const staff = await staffActorOf(request, context.deps);
      const isIntakeOfficer = staff !== undefined && staff.roles.some((role) => role === 'intake' || role === 'coordinator');
      const submittedBy: SubmitComplaintInput['submittedBy'] = isIntakeOfficer ? { kind: 'staff', userId: staff.userId } : { kind: 'public' };
      const submitted = await submitComplaint(context.deps, toInput(body, submittedBy, upload?.files.attachments ?? [], upload?.files.identityDocuments ?? []));
      return reply.code(201).send({ ...submitted, submittedAt: submitted.submittedAt.toISOString(), receivedAt: submitted.receivedAt.toISOString() });
    } finally {
      await upload?.cleanup();
    }
  });
}

/** The multipart `complaint` part gets the very same validation as a JSON body. */
function parseComplaintPart(request: FastifyRequest, fields: Record<string, string>): SubmitComplaintBody {
  const extra = Object.keys(fields).filter((name) => name !== 'complaint');
  if (extra.length > 0) {
    throw new DomainError('request.invalid', {}, extra.map((name) => ({ pointer: `/${name}`, code: 'additionalProperties', params: { name } })));
  }
  if (fields.complaint === undefined) throw new DomainError('request.invalid', {}, [{ pointer: '/complaint', code: 'required' }]);
  let parsed: unknown;
  try {
    parsed = JSON.parse(fields.complaint);
  } catch {
    throw new DomainError('request.invalid', {}, [{ pointer: '/complaint', code: 'invalid_json' }]);
  }
  return validated(request, SubmitComplaintBody, parsed) as SubmitComplaintBody;
}

function toInput(body: SubmitComplaintBody, submittedBy: SubmitComplaintInput['submittedBy'], attachments: UploadedFile[], identityDocuments: UploadedFile[]): SubmitComplaintInput {
  const { identity } = body;
  if (identity.mode === 'anonymous') {
    // An anonymous report keeps nothing that could name its reporter, even if sent by mistake.
    const named = (['name', 'nik', 'email', 'phone', 'address'] as const).filter((field) => identity[field] !== undefined);
    if (named.length > 0) {
      throw new DomainError('request.invalid', {}, named.map((field) => ({ pointer: `/identity/${field}`, code: 'additionalProperties', params: { name: field } })));
    }
  }
  return {
    title: body.title,
    description: body.description,
    categoryCode: body.category,
    identity: identity.mode === 'anonymous'
      ? { mode: 'anonymous' }
      : { mode: identity.mode, name: identity.name ?? '', nik: identity.nik, email: identity.email, phone: identity.phone, address: identity.address },
    facts: body.facts,
    location: body.location,
    locale: body.locale,
    allowPublication: body.allowPublication ?? false,
    channel: body.channel ?? 'web',
    receivedAt: body.receivedAt === undefined ? undefined : new Date(body.receivedAt),
    submittedBy,
    attachments,
    identityDocuments,
    officerNote: body.intake === undefined ? undefined : {
      identityDocumentChecked: body.intake.identityDocumentChecked ?? null, agendaNumber: body.intake.agendaNumber ?? null,
      letterOn: body.intake.letterOn ?? null, boxOpenedOn: body.intake.boxOpenedOn ?? null, note: body.intake.note ?? null,
    },
    concernedStaffIds: body.concernsStaffIds,
    concerns: body.concerns,
  };
}
