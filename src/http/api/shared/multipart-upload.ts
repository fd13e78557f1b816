import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import type { UploadedFile } from '../../../app/intake/uploaded-file.js';
import { DomainError } from '../../../domain/domain-error.js';
import { attachmentFileName } from '../../../domain/complaint/attachment-file-name.js';
import { maxAttachmentsPerRequest } from '../../../domain/complaint/attachment-policy.js';

export interface MultipartUpload {
  fields: Record<string, string>;
  files: Record<string, UploadedFile[]>;
  /** Removes whatever temporary files are left; safe to call after they were moved. */
  cleanup(): Promise<void>;
}

/**
 * Streams each file part to a temporary file, hashing and counting on the way, so a 10 MB
 * video never sits in memory. If anything fails (a file over the limit, a broken stream),
 * every temporary file is removed before the error goes on: nothing of a refused request stays.
 */
export async function readMultipart(request: FastifyRequest, tempDir: string, fileFields: readonly string[]): Promise<MultipartUpload> {
  const fields: Record<string, string> = {};
  const files: Record<string, UploadedFile[]> = {};
  const tempPaths: string[] = [];
  const cleanup = async (): Promise<void> => {
    await Promise.all(tempPaths.map((path) => rm(path, { force: true })));
  };
  try {
    let fileCount = 0;
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        fields[part.fieldname] = String(part.value);
        continue;
      }
      if (!fileFields.includes(part.fieldname)) {
        part.file.resume();
        throw new DomainError('request.invalid', {}, [{ pointer: `/${part.fieldname}`, code: 'additionalProperties', params: { name: part.fieldname } }]);
      }
      fileCount += 1;
      if (fileCount > maxAttachmentsPerRequest) {
        part.file.resume();
        throw new DomainError('attachment.too_many', { max: maxAttachmentsPerRequest });
      }
      const tempPath = join(tempDir, randomUUID());
      tempPaths.push(tempPath);
      const hash = createHash('sha256');
      let sizeBytes = 0;
      const measure = new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          hash.update(chunk);
          sizeBytes += chunk.length;
          callback(null, chunk);
        },
      });
      try {
        await pipeline(part.file, measure, createWriteStream(tempPath, { mode: 0o600 }));
      } catch (error) {
        if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
          throw new DomainError('attachment.too_large', { fileName: part.filename }, [
            { pointer: `/${part.fieldname}`, code: 'attachment_size', params: { fileName: part.filename } },
          ]);
        }
        throw error;
      }
      (files[part.fieldname] ??= []).push({ tempPath, fileName: attachmentFileName(part.filename), sizeBytes, sha256: hash.digest('hex') });
    }
  } catch (error) {
    await cleanup();
    throw multipartRefusal(error);
  }
  return { fields, files, cleanup };
}

/**
 * What a failure while reading multipart/form-data means for the client: a body that is not
 * multipart at all is a 415; a missing or wrong boundary, a truncated body or a broken part
 * header (the parser's own errors, which carry no status) a 400 naming the body. Limits keep
 * their 413, and a failure of this machine (a disk error) stays a server error.
 */
export function multipartRefusal(error: unknown): unknown {
  if (error instanceof DomainError || !(error instanceof Error)) return error;
  const { code, statusCode, syscall } = error as Error & { code?: string; statusCode?: number; syscall?: string };
  if (syscall !== undefined) return error;
  if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') return Object.assign(new Error(error.message), { statusCode: 415 });
  if (statusCode !== undefined && statusCode >= 400 && statusCode < 500 && statusCode !== 406) return error;
  return new DomainError('request.invalid', {}, [{ pointer: '/', code: 'multipart' }]);
}
