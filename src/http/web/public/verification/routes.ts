import type { FastifyInstance } from 'fastify';
import { checkIssuedLetterFile, getIssuedLetter } from '../../../../app/letters/verify-issued-letter.js';
import { DomainError } from '../../../../domain/domain-error.js';
import type { HttpContext } from '../../../http-context.js';
import { readSmallUpload } from '../../../shared/multipart.js';
import { sendPage, view } from '../../kit/render.js';
import { webContext } from '../../kit/web-context.js';
import { VerificationFormPage, VerificationLetterPage, type FileCheck } from './verification-page.js';

const maxLetterBytes = 10 * 1024 * 1024;
const rateLimit = { max: 60, timeWindow: '1 minute' };

/**
 * The public check of a response letter (`/verifikasi`, `/verifikasi/<code>`): the facts the
 * API gives, and a comparison of an uploaded file's SHA-256. Comparing a file changes nothing
 * and reveals only what the page already shows, so the form carries no CSRF token.
 */
export async function verificationPages(app: FastifyInstance, { deps }: HttpContext): Promise<void> {
  app.get<{ Querystring: { kode?: unknown } }>('/verifikasi', { schema: { hide: true }, config: { rateLimit } }, async (request, reply) => {
    const ctx = webContext(deps, request, reply);
    const typed = typeof request.query.kode === 'string' ? request.query.kode.trim() : '';
    if (typed === '') return sendPage(reply, view(VerificationFormPage, { ctx, typed: '', isUnknown: false }));
    const letter = await getIssuedLetter(deps, typed).catch((error: unknown) => {
      if (error instanceof DomainError && error.code === 'letter.not_found') return undefined;
      throw error;
    });
    if (letter === undefined) return sendPage(reply, view(VerificationFormPage, { ctx, typed, isUnknown: true }), 404);
    return reply.code(303).header('location', `/verifikasi/${letter.code}`).send();
  });

  // An unknown code throws letter.not_found: the site's 404 page.
  app.get<{ Params: { code: string } }>('/verifikasi/:code', { schema: { hide: true }, config: { rateLimit } }, async (request, reply) => {
    const letter = await getIssuedLetter(deps, request.params.code);
    return sendPage(reply, view(VerificationLetterPage, { ctx: webContext(deps, request, reply), letter }));
  });

  app.post<{ Params: { code: string } }>('/verifikasi/:code', { schema: { hide: true }, config: { rateLimit } }, async (request, reply) => {
    const ctx = webContext(deps, request, reply);
    const letter = await getIssuedLetter(deps, request.params.code);
    const upload = await readSmallUpload(request, 'berkas', maxLetterBytes, '10 MB').catch((error: unknown) => {
      if (error instanceof DomainError && error.fields[0]?.code === 'file_too_large') return 'too_large' as const;
      throw error;
    });
    if (upload === 'too_large' || upload.file === undefined) {
      const check: FileCheck = { kind: upload === 'too_large' ? 'too_large' : 'missing' };
      return sendPage(reply, view(VerificationLetterPage, { ctx, letter, check }), 400);
    }
    const { isMatch } = await checkIssuedLetterFile(deps, letter.code, upload.file);
    const check: FileCheck = { kind: isMatch ? 'match' : 'mismatch' };
    return sendPage(reply, view(VerificationLetterPage, { ctx, letter, check }));
  });
}
