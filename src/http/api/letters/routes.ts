import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { getIssuedLetter } from '../../../app/letters/verify-issued-letter.js';
import type { HttpContext } from '../../http-context.js';
import { problemResponses } from '../shared/problem-schema.js';

const IssuedLetterSchema = Type.Object({
  code: Type.String({ description: 'The verification code as printed, e.g. 7KQ2M-X9DHF' }),
  registerNumber: Type.String(),
  letterNumber: Type.String(),
  letterDate: Type.String({ format: 'date-time' }),
  signer: Type.Object({ name: Type.String(), position: Type.String(), unit: Type.String() }),
  isSignedElectronically: Type.Boolean(),
  sha256: Type.String({ description: 'SHA-256 (hex) of the PDF file as issued; a copy with another hash is not the issued letter' }),
}, { description: 'What anyone holding a copy may check; never the reporter or the letter\'s content' });

/** The public check of a response letter by the code printed on it. */
export async function letterRoutes(app: FastifyInstance, { deps }: HttpContext): Promise<void> {
  app.withTypeProvider<TypeBoxTypeProvider>().get('/api/v1/letters/:code', {
    schema: {
      summary: 'Check a response letter by its verification code',
      tags: ['letters'],
      params: Type.Object({ code: Type.String({ maxLength: 40 }) }),
      response: { 200: IssuedLetterSchema, ...problemResponses(404, 429) },
    },
    config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
  }, async (request) => {
    const letter = await getIssuedLetter(deps, request.params.code);
    return {
      code: letter.code, registerNumber: letter.registerNumber, letterNumber: letter.letterNumber, letterDate: letter.signedAt.toISOString(),
      signer: { name: letter.signerName, position: letter.signerPosition, unit: letter.signerUnit },
      isSignedElectronically: letter.isSignedElectronically, sha256: letter.sha256,
    };
  });
}
