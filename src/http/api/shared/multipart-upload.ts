import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import type { UploadedFile } from '../../../app/intake/uploaded-file.js';
import { DomainError } from '../../../domain/domain-error.js';
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
      (files[part.fieldname] ??= []).push({ tempPath, fileName: safeFileName(part.filename), sizeBytes, sha256: hash.digest('hex') });
    }
  } catch (error) {
    await cleanup();
    throw error;
  }
  return { fields, files, cleanup };
}

/** Keeps the name a person gave the file, without any path and within a sane length. */
function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // Control characters in a file name only ever serve to confuse logs and terminals.
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 200);
  return cleaned === '' ? 'lampiran' : cleaned;
}
