import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import type { UploadedFile } from '../../app/intake/uploaded-file.js';
import { DomainError } from '../../domain/domain-error.js';
import { attachmentFileName } from '../../domain/complaint/attachment-file-name.js';
import { maxAttachmentsPerRequest } from '../../domain/complaint/attachment-policy.js';

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
      const saved = await saveFilePart(part.file, tempPath);
      if (saved.truncated) {
        throw new DomainError('attachment.too_large', { fileName: part.filename }, [
          { pointer: `/${part.fieldname}`, code: 'attachment_size', params: { fileName: attachmentFileName(part.filename) } },
        ]);
      }
      (files[part.fieldname] ??= []).push({ tempPath, fileName: attachmentFileName(part.filename), sizeBytes: saved.sizeBytes, sha256: saved.sha256 });
    }
  } catch (error) {
    stopReadingBody(request);
    await cleanup();
    throw multipartRefusal(error);
  }
  return { fields, files, cleanup };
}

export interface SavedPart {
  sizeBytes: number;
  sha256: string;
  /** The file passed the size limit: what was saved is only its start. */
  truncated: boolean;
}

/**
 * Streams one file part to `tempPath`, hashing and counting on the way. The parser cuts a
 * file at the size limit but goes on reading (and dropping) the rest of it; this stops at
 * the limit instead, so a refusal can be answered before the rest is uploaded.
 */
export async function saveFilePart(file: Readable & { truncated?: boolean }, tempPath: string): Promise<SavedPart> {
  const hash = createHash('sha256');
  let sizeBytes = 0;
  const measure = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      sizeBytes += chunk.length;
      callback(null, chunk);
    },
  });
  const stop = new AbortController();
  let truncated = false;
  const onLimit = (): void => {
    truncated = true;
    stop.abort();
  };
  file.once('limit', onLimit);
  try {
    await pipeline(file, measure, createWriteStream(tempPath, { mode: 0o600 }), { signal: stop.signal });
  } catch (error) {
    if (!truncated && (error as { code?: string }).code !== 'FST_REQ_FILE_TOO_LARGE') throw error;
    truncated = true;
  } finally {
    file.off('limit', onLimit);
  }
  return { sizeBytes, sha256: hash.digest('hex'), truncated: truncated || file.truncated === true };
}

/**
 * Stops taking in a body that is refused before its end (a file over the limit): the rest is
 * not read, and the answer closes the connection (input-hygiene.ts), so the client stops.
 */
export function stopReadingBody(request: FastifyRequest): void {
  if (request.raw.complete) return;
  request.raw.unpipe();
  request.raw.pause();
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
