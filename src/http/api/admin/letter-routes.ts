import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { getSigningCertificate } from '../../../app/letters/get-signing-certificate.js';
import { getLetterheadLogo, maxLogoBytes, removeLetterheadLogo, setLetterheadLogo } from '../../../app/letters/letterhead-logo.js';
import { removeSigningCertificate } from '../../../app/letters/remove-signing-certificate.js';
import { setSigningCertificate } from '../../../app/letters/set-signing-certificate.js';
import type { SigningCertificateSummary } from '../../../app/letters/signing-key-store.js';
import { DomainError } from '../../../domain/domain-error.js';
import type { HttpContext } from '../../http-context.js';
import { requireStaff } from '../../plugins/staff-auth.js';
import { readSmallUpload } from '../../shared/multipart.js';
import { problemResponses } from '../shared/problem-schema.js';

const maxCertificateBytes = 64 * 1024;

const CertificateReply = Type.Object({
  configured: Type.Boolean({ description: 'false: letters are sent saying they are not signed electronically' }),
  subject: Type.Optional(Type.String()), issuer: Type.Optional(Type.String()), serialNumber: Type.Optional(Type.String()),
  validFrom: Type.Optional(Type.String({ format: 'date-time' })), validUntil: Type.Optional(Type.String({ format: 'date-time' })),
}, { description: 'The letter-signing certificate, never its key or passphrase' });

const CertificateUpload = Type.Object({
  certificate: Type.String({ format: 'binary', description: 'PKCS#12 file (.p12/.pfx) with the private key and its certificate, at most 64 KB' }),
  passphrase: Type.String({ maxLength: 1024 }),
});
const LogoUpload = Type.Object({ logo: Type.String({ format: 'binary', description: 'PNG or JPEG, at most 512 KB' }) });

const presentCertificate = (summary: SigningCertificateSummary | undefined) => (summary === undefined ? { configured: false } : {
  configured: true, subject: summary.subject, issuer: summary.issuer, serialNumber: summary.serialNumber,
  validFrom: summary.validFrom.toISOString(), validUntil: summary.validUntil.toISOString(),
});

const required = (pointer: string): never => {
  throw new DomainError('request.invalid', {}, [{ pointer, code: 'file_required' }]);
};

/** The letterhead logo and the certificate that signs response letters (administrators only). */
export async function letterAdminRoutes(app: FastifyInstance, { deps }: HttpContext): Promise<void> {
  const typed = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['admin'];

  typed.get('/api/v1/admin/letter-signing-certificate', {
    schema: { summary: 'The certificate that signs response letters: subject, issuer and validity', tags, response: { 200: CertificateReply, ...problemResponses(401, 403) } },
  }, async () => presentCertificate(await getSigningCertificate(deps)));

  typed.put('/api/v1/admin/letter-signing-certificate', {
    schema: {
      summary: 'Set the certificate that signs response letters (multipart: certificate, passphrase)',
      description: 'The file must open with the passphrase and hold a private key. Both are stored sealed with the server key and never returned.',
      tags, consumes: ['multipart/form-data'], response: { 200: CertificateReply, ...problemResponses(400, 401, 403, 413) },
    },
  }, async (request) => {
    const actor = await requireStaff(request, deps);
    const upload = await readSmallUpload(request, 'certificate', maxCertificateBytes, '64 KB');
    const p12 = upload.file ?? required('/certificate');
    return presentCertificate(await setSigningCertificate(deps, actor, { p12, passphrase: upload.fields.passphrase ?? '' }));
  });

  typed.delete('/api/v1/admin/letter-signing-certificate', {
    schema: { summary: 'Stop signing letters electronically', tags, response: { 204: Type.Null(), ...problemResponses(401, 403, 404) } },
  }, async (request, reply) => {
    await removeSigningCertificate(deps, await requireStaff(request, deps));
    return reply.code(204).send(null);
  });

  typed.get('/api/v1/admin/letterhead-logo', {
    schema: { summary: 'The logo printed in the letterhead', tags, produces: ['image/png', 'image/jpeg'], response: { 200: Type.Unsafe({ type: 'string', format: 'binary' }), ...problemResponses(401, 403, 404) } },
  }, async (_request, reply) => {
    const logo = await getLetterheadLogo(deps);
    if (logo === undefined) throw new DomainError('admin.not_found');
    return reply.type(logo.mediaType).send(logo.content);
  });

  typed.put('/api/v1/admin/letterhead-logo', {
    schema: {
      summary: 'Set the logo printed in the letterhead (multipart: logo; PNG or JPEG, at most 512 KB)', tags, consumes: ['multipart/form-data'],
      response: { 200: Type.Object({ mediaType: Type.String(), sizeBytes: Type.Integer() }), ...problemResponses(400, 401, 403, 413) },
    },
  }, async (request) => {
    const actor = await requireStaff(request, deps);
    const upload = await readSmallUpload(request, 'logo', maxLogoBytes, '512 KB');
    return setLetterheadLogo(deps, actor, upload.file ?? required('/logo'));
  });

  typed.delete('/api/v1/admin/letterhead-logo', {
    schema: { summary: 'Print letters without a logo', tags, response: { 204: Type.Null(), ...problemResponses(401, 403, 404) } },
  }, async (request, reply) => {
    await removeLetterheadLogo(deps, await requireStaff(request, deps));
    return reply.code(204).send(null);
  });
}

export const letterAdminMultipartBodies = { 'PUT /api/v1/admin/letter-signing-certificate': CertificateUpload, 'PUT /api/v1/admin/letterhead-logo': LogoUpload };
