import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { addReporterAttachments } from '../../../app/tracking/add-reporter-attachments.js';
import { addReporterMessage } from '../../../app/tracking/add-reporter-message.js';
import { getReporterView } from '../../../app/tracking/get-reporter-view.js';
import { endReporterAccess, verifyReporterAccessToken } from '../../../app/tracking/reporter-access.js';
import { DomainError } from '../../../domain/domain-error.js';
import type { HttpContext } from '../../http-context.js';
import { readMultipart } from '../../shared/multipart.js';
import { applyReporterAction, type RequestedCaseAction } from '../../../app/tracking/apply-reporter-action.js';
import { renderCaseLetter } from '../../../app/case-handling/render-case-letter.js';
import { actionDocs } from '../cases/action-docs.js';
import { reporterActionBodies, reporterActionNames } from '../../shared/action-schemas.js';
import { problemResponses } from '../shared/problem-schema.js';
import { ReporterViewSchema, presentReporterView } from '../track/reporter-view-schema.js';

const security = [{ reporterToken: [] }];

export async function reporterRoutes(app: FastifyInstance, context: HttpContext): Promise<void> {
  const typed = app.withTypeProvider<TypeBoxTypeProvider>();
  const tokenOf = (request: FastifyRequest): string => {
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) throw new DomainError('reporter.token_invalid');
    return match[1];
  };
  const complaintIdOf = async (request: FastifyRequest): Promise<string> => (await verifyReporterAccessToken(context.deps, tokenOf(request))).complaintId;

  typed.get('/api/v1/reporter/complaint', {
    schema: { summary: 'The reporter view of the tracked complaint', tags: ['tracking'], security, response: { 200: ReporterViewSchema, ...problemResponses(401) } },
  }, async (request) => presentReporterView(await getReporterView(context.deps, await complaintIdOf(request))));

  typed.post('/api/v1/reporter/sign-out', {
    schema: {
      summary: 'Sign out: ends the access token server-side', tags: ['tracking'], security,
      description: 'Afterwards this token, and every other token issued for the complaint before it (the tracking pages\' cookie too), ' +
        'answers 401 reporter.token_invalid. The register number and tracking code open the complaint again.',
      response: { 204: Type.Null(), ...problemResponses(401) },
    },
  }, async (request, reply) => {
    await endReporterAccess(context.deps, tokenOf(request));
    return reply.code(204).send(null);
  });

  typed.post('/api/v1/reporter/messages', {
    schema: {
      summary: 'Add a message to the tracked complaint', tags: ['tracking'], security,
      body: Type.Object({ text: Type.String({ minLength: 1, maxLength: 5000 }) }, { additionalProperties: false }),
      response: { 201: ReporterViewSchema, ...problemResponses(400, 401, 409) },
    },
    config: { rateLimit: { max: 30, timeWindow: '10 minutes' } },
  }, async (request, reply) => reply.code(201).send(presentReporterView(await addReporterMessage(context.deps, await complaintIdOf(request), request.body.text))));

  for (const action of reporterActionNames) {
    typed.post(`/api/v1/reporter/actions/${action}`, {
      schema: {
        ...actionDocs(action, 'reporter'), tags: ['tracking'], security, operationId: `reporter_${action}`,
        body: reporterActionBodies[action],
        response: { 200: ReporterViewSchema, ...problemResponses(400, 401, 409) },
      },
      config: { rateLimit: { max: 30, timeWindow: '10 minutes' } },
      // A missing body is refused field by field, as an empty one is.
      preValidation: async (request) => { request.body ??= {}; },
    }, async (request) => {
      const complaintId = await complaintIdOf(request);
      // The body passed the schema of exactly this action, which mirrors its CaseAction member.
      return presentReporterView(await applyReporterAction(context.deps, complaintId, { action, ...(request.body as object) } as RequestedCaseAction));
    });
  }

  typed.get('/api/v1/reporter/letter', {
    schema: { summary: 'The signed response letter (PDF), once the response is sent', tags: ['tracking'], security, response: { 200: Type.Unknown({ description: 'application/pdf' }), ...problemResponses(401, 404) } },
  }, async (request, reply) => {
    const letter = await renderCaseLetter(context.deps, { kind: 'reporter' }, await complaintIdOf(request));
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="${letter.fileName}"`).send(letter.pdf);
  });

  typed.post('/api/v1/reporter/attachments', {
    schema: {
      summary: 'Add evidence files to the tracked complaint (multipart, field `attachments`)', tags: ['tracking'], security,
      consumes: ['multipart/form-data'],
      response: { 201: ReporterViewSchema, ...problemResponses(400, 401, 409, 413, 415) },
    },
    config: { rateLimit: { max: 30, timeWindow: '10 minutes' } },
  }, async (request, reply) => {
    const complaintId = await complaintIdOf(request);
    if (!request.isMultipart()) throw new DomainError('request.invalid', {}, [{ pointer: '/attachments', code: 'required' }]);
    const upload = await readMultipart(request, context.uploadDir, ['attachments']);
    try {
      if (Object.keys(upload.fields).length > 0) {
        throw new DomainError('request.invalid', {}, Object.keys(upload.fields).map((name) => ({ pointer: `/${name}`, code: 'additionalProperties', params: { name } })));
      }
      return reply.code(201).send(presentReporterView(await addReporterAttachments(context.deps, complaintId, upload.files.attachments ?? [])));
    } finally {
      await upload.cleanup();
    }
  });
}
