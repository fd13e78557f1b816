import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { intakeTimeZone } from '../../../app/intake/intake-time-zone.js';
import { takeDeskReceiptFacts } from '../../../app/intake/receipt/desk-receipt.js';
import { renderReceiptPdf } from '../../../documents/receipt/receipt-pdf.js';
import { submitComplaint, type SubmitComplaintInput } from '../../../app/intake/submit-complaint.js';
import { getSiteContact } from '../../../app/site/get-site-contact.js';
import { localeFromAcceptLanguage } from '../../../i18n/locale.js';
import { can } from '../../../domain/access/capabilities.js';
import { DomainError } from '../../../domain/domain-error.js';
import type { HttpContext } from '../../http-context.js';
import { requireStaff, staffActorOf } from '../../plugins/staff-auth.js';
import { validated } from '../../shared/validated.js';
import { problemResponses } from '../shared/problem-schema.js';
import { readMultipart } from '../../shared/multipart.js';
import { complaintInputOf } from '../../shared/complaint-input.js';
import { SubmitComplaintBody, SubmittedComplaintReply } from '../../shared/complaint-schemas.js';

export async function complaintRoutes(app: FastifyInstance, context: HttpContext): Promise<void> {
  const typed = app.withTypeProvider<TypeBoxTypeProvider>();

  typed.post('/api/v1/complaints', {
    schema: {
      summary: 'Submit a complaint (the public: web only; intake officers: any channel, with receivedAt)',
      description: 'JSON, or multipart/form-data with the JSON in the `complaint` part plus `attachments` files. ' +
        'The tracking code in the answer is shown once and never again. ' +
        'Recorded by an intake officer, the answer also carries `receipt`: a one-time link to the reporter\'s receipt PDF (register number and tracking code) for the desk to print. ' +
        'A whistleblowing category goes to the integrity team alone from submission; with no active integrity team member it is refused (409 whistleblowing.no_integrity_team).',
      tags: ['intake'],
      body: { content: { 'application/json': { schema: SubmitComplaintBody } } },
      response: { 201: SubmittedComplaintReply, ...problemResponses(400, 403, 409, 413, 415, 429) },
    },
    config: { rateLimit: { max: context.limits.submissionsPerHour, timeWindow: '1 hour' } },
  }, async (request, reply) => {
    const isMultipart = request.isMultipart();
    const upload = isMultipart ? await readMultipart(request, context.uploadDir, ['attachments', 'identityDocuments']) : undefined;
    try {
      const body = upload ? parseComplaintPart(request, upload.fields) : (request.body as SubmitComplaintBody);
      const staff = await staffActorOf(request, context.deps);
      const isIntakeOfficer = staff !== undefined && can(staff, 'record_intake').isAllowed;
      const submittedBy: SubmitComplaintInput['submittedBy'] = isIntakeOfficer ? { kind: 'staff', officer: staff } : { kind: 'public' };
      const submitted = await submitComplaint(context.deps, complaintInputOf(body, submittedBy, upload?.files.attachments ?? [], upload?.files.identityDocuments ?? []));
      const { receipt, ...rest } = submitted;
      return reply.code(201).send({
        ...rest, submittedAt: submitted.submittedAt.toISOString(), receivedAt: submitted.receivedAt.toISOString(),
        ...(receipt ? { receipt: { url: `${receiptsPath}/${receipt.token}`, expiresAt: receipt.expiresAt.toISOString() } } : {}),
      });
    } finally {
      await upload?.cleanup();
    }
  });

  typed.get(`${receiptsPath}/:token`, {
    schema: {
      summary: 'The receipt PDF of a complaint I just recorded at the desk (once)',
      description: 'The `receipt.url` of a staff-recorded submission: the reporter\'s receipt with the register number and tracking code, in the language of Accept-Language (Indonesian by default). ' +
        'Only for the staff member who recorded the complaint, once, within 15 minutes; anything else answers 404 (receipt.not_found). The token is not stored, only a keyed hash of it, and the receipt is kept sealed until fetched.',
      tags: ['intake'],
      security: [{ staffToken: [] }],
      params: Type.Object({ token: Type.String({ maxLength: 64 }) }),
      response: { 200: Type.Unknown({ description: 'application/pdf' }), ...problemResponses(401, 404) },
    },
  }, async (request, reply) => {
    const actor = await requireStaff(request, context.deps);
    const receipt = await takeDeskReceiptFacts(context.deps, actor.userId, request.params.token);
    const [contact, timeZone] = await Promise.all([getSiteContact(context.deps), intakeTimeZone(context.deps)]);
    const pdf = await renderReceiptPdf(localeFromAcceptLanguage(request.headers['accept-language']), receipt, {
      organisation: contact.organisation, timeZone, trackUrl: `${context.deps.publicUrl}/lacak`,
    });
    return reply.code(200).type('application/pdf')
      .header('content-disposition', `attachment; filename="tanda-terima-${receipt.registerNumber.replace(/[^\w.-]/g, '_')}.pdf"`)
      .header('cache-control', 'no-store')
      .send(pdf);
  });
}

const receiptsPath = '/api/v1/complaints/receipts';

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
