import type { FastifyRequest } from 'fastify';
import type { TSchema } from 'typebox';
import { DomainError } from '../../domain/domain-error.js';
import { boundIntegers, refuseUnstorable } from '../plugins/input-hygiene.js';
import { fieldsFromValidation } from '../plugins/problem-details.js';

/**
 * Validates a body whose schema depends on the path (one per workflow action) with Fastify's
 * own validator, so the errors read exactly like those of a route schema.
 */
export function validated(request: FastifyRequest, schema: TSchema, body: unknown): unknown {
  // A multipart part is parsed by its handler, after the hooks that check request bodies
  // (input-hygiene.ts); for a JSON body this repeats a cheap check.
  refuseUnstorable(body);
  boundIntegers(schema);
  const validate = request.compileValidationSchema(schema);
  if (!validate(body)) throw new DomainError('request.invalid', {}, fieldsFromValidation(validate.errors ?? [], '', schema));
  return body;
}
