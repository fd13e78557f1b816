import type { FastifyRequest } from 'fastify';
import { DomainError } from '../domain/domain-error.js';

export interface SmallUpload {
  fields: Record<string, string>;
  /** The one file of the form, or undefined when none was chosen. */
  file: Buffer | undefined;
}

/**
 * Reads a multipart form with one small file (a certificate, a logo, a letter to check) into
 * memory, up to `maxBytes`. A file over the limit or in another field is refused naming the
 * field, so an admin page and the API report it the same way.
 */
export async function readSmallUpload(request: FastifyRequest, fileField: string, maxBytes: number, maxLabel: string): Promise<SmallUpload> {
  if (!request.isMultipart()) throw new DomainError('request.invalid', {}, [{ pointer: `/${fileField}`, code: 'file_required' }]);
  const fields: Record<string, string> = {};
  let file: Buffer | undefined;
  for await (const part of request.parts({ limits: { fileSize: maxBytes, files: 1 } })) {
    if (part.type === 'field') {
      fields[part.fieldname] = String(part.value);
      continue;
    }
    if (part.fieldname !== fileField) {
      part.file.resume();
      throw new DomainError('request.invalid', {}, [{ pointer: `/${part.fieldname}`, code: 'additionalProperties', params: { name: part.fieldname } }]);
    }
    try {
      const content = await part.toBuffer();
      // A browser sends an empty part when no file was chosen.
      if (content.length > 0) file = content;
    } catch (error) {
      if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
        throw new DomainError('request.invalid', {}, [{ pointer: `/${fileField}`, code: 'file_too_large', params: { max: maxLabel } }]);
      }
      throw error;
    }
  }
  return { fields, file };
}
