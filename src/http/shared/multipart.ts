import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { UploadedFile } from '../../app/intake/uploaded-file.js';
import { DomainError, type FieldProblem } from '../../domain/domain-error.js';
import { attachmentFileName } from '../../domain/complaint/attachment-file-name.js';
import { maxAttachmentBytes, maxAttachmentsPerRequest } from '../../domain/complaint/attachment-policy.js';
import { refuseUnstorable } from '../plugins/input-hygiene.js';

/**
 * The one reader of multipart/form-data, for the API and the pages alike. Files stream to
 * temporary files in the HTTP layer's upload directory (see `createUploadDir`), hashed and
 * counted on the way, so a 10 MB video never sits in memory.
 */

/**
 * The directory for uploads in flight: `.incoming` inside the files directory, so that keeping
 * a finished upload is a rename on the same file system. Made once at start.
 */
export async function createUploadDir(filesDir: string): Promise<string> {
  const uploadDir = join(resolve(filesDir), '.incoming');
  await mkdir(uploadDir, { recursive: true, mode: 0o700 });
  return uploadDir;
}

export interface MultipartUpload {
  fields: Record<string, string>;
  files: Record<string, UploadedFile[]>;
  /** Files refused while reading a page's form (over 10 MB, empty, one too many); never filled for the API. */
  refusedFiles: FieldProblem[];
  /** The names of every file the person chose on a page's form, to ask for them again if the form is refused. */
  chosenFileNames: string[];
  /** Removes whatever temporary files are left; safe to call after they were moved. */
  cleanup(): Promise<void>;
}

/**
 * How a refused file is answered. `strict` (the API): a file in another field, one too many or
 * one over the size limit refuses the whole request. `lenient` (a page's form): a file of a
 * refused size or one too many does not end the reading, so the form comes back with every
 * field; a file over the size limit stops it (the text fields before it are read, the rest
 * need not be uploaded). A browser's empty part for a file input left empty is skipped.
 */
export type MultipartMode = 'strict' | 'lenient';

// A page's form: many more parts than it has would only come from a script and fail the
// request. A file over the limit is cut short and marked `truncated` instead of failing it
// (@fastify/multipart reads `throwFileSizeLimit` per call, though its types do not list it).
const formOptions = {
  limits: { fields: 40, fieldSize: 64 * 1024, files: 3 * maxAttachmentsPerRequest, fileSize: maxAttachmentBytes, parts: 40 + 3 * maxAttachmentsPerRequest },
  throwFileSizeLimit: false,
};

/**
 * Reads the fields and the files of `fileFields`. If anything fails (a file over the limit in
 * strict mode, a broken stream), every temporary file is removed before the error goes on:
 * nothing of a refused request stays.
 */
export async function readMultipart(request: FastifyRequest, tempDir: string, fileFields: readonly string[], mode: MultipartMode = 'strict'): Promise<MultipartUpload> {
  const upload: MultipartUpload = { fields: {}, files: {}, refusedFiles: [], chosenFileNames: [], cleanup: async () => {} };
  const tempPaths: string[] = [];
  upload.cleanup = async (): Promise<void> => {
    await Promise.all(tempPaths.map((path) => rm(path, { force: true })));
  };
  const reading: Reading = { tempDir, fileFields, mode, upload, tempPaths, fileCount: 0 };
  try {
    for await (const part of request.parts(mode === 'lenient' ? formOptions : undefined)) {
      if (part.type === 'field') {
        upload.fields[part.fieldname] = String(part.value);
        continue;
      }
      if ((await takeFile(reading, part)) === 'stop') {
        stopReadingBody(request);
        break;
      }
    }
    // The hooks that check a urlencoded form never see multipart fields: the same check here.
    if (mode === 'lenient') refuseUnstorable(upload.fields);
  } catch (error) {
    stopReadingBody(request);
    await upload.cleanup();
    throw multipartRefusal(error);
  }
  return upload;
}

interface Reading {
  tempDir: string;
  fileFields: readonly string[];
  mode: MultipartMode;
  upload: MultipartUpload;
  tempPaths: string[];
  /** File parts taken so far, refused ones included (strict mode counts them all). */
  fileCount: number;
}

/** One file part: kept, refused beside its field (lenient), or the request refused (strict). */
async function takeFile(reading: Reading, part: MultipartFile): Promise<'next' | 'stop'> {
  const { upload, mode } = reading;
  const lenient = mode === 'lenient';
  // busboy reports the empty name of an empty file input as no name at all.
  const givenName = (part.filename as string | undefined) ?? '';
  if (!reading.fileFields.includes(part.fieldname) || (lenient && givenName === '')) {
    part.file.resume();
    if (lenient) return 'next';
    throw new DomainError('request.invalid', {}, [{ pointer: `/${part.fieldname}`, code: 'additionalProperties', params: { name: part.fieldname } }]);
  }
  const fileName = attachmentFileName(part.filename);
  if (lenient) upload.chosenFileNames.push(fileName);
  reading.fileCount += 1;
  const kept = upload.files[part.fieldname] ??= [];
  if (lenient ? kept.length >= maxAttachmentsPerRequest : reading.fileCount > maxAttachmentsPerRequest) {
    part.file.resume();
    if (!lenient) throw new DomainError('attachment.too_many', { max: maxAttachmentsPerRequest });
    refuseOnce(upload, { pointer: `/${part.fieldname}`, code: 'attachment_count', params: { max: maxAttachmentsPerRequest } });
    return 'next';
  }
  const tempPath = join(reading.tempDir, randomUUID());
  reading.tempPaths.push(tempPath);
  const saved = await saveFilePart(part.file, tempPath);
  const refused = saved.truncated ? 'attachment_size' : lenient && saved.sizeBytes === 0 ? 'attachment_type' : undefined;
  if (refused === undefined) {
    kept.push({ tempPath, fileName, sizeBytes: saved.sizeBytes, sha256: saved.sha256 });
    return 'next';
  }
  const problem: FieldProblem = { pointer: `/${part.fieldname}`, code: refused, params: { fileName } };
  if (!lenient) throw new DomainError('attachment.too_large', { fileName: part.filename }, [problem]);
  await rm(tempPath, { force: true });
  upload.refusedFiles.push(problem);
  // Stop at a file over the limit rather than take in the rest of one that will not be kept:
  // the text fields come before the files in the form, so what was typed is already read.
  return refused === 'attachment_size' ? 'stop' : 'next';
}

function refuseOnce(upload: MultipartUpload, problem: FieldProblem): void {
  if (!upload.refusedFiles.some((refused) => refused.code === problem.code)) upload.refusedFiles.push(problem);
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

/**
 * The parser's own limits in the use cases' terms, for a page that shows them beside the
 * field: a file over 10 MB is stopped as it streams in, and only the parser knows which.
 */
export function parserLimitRefusal(error: unknown): unknown {
  const { code, part } = (error ?? {}) as { code?: unknown; part?: { filename?: unknown } };
  if (code === 'FST_REQ_FILE_TOO_LARGE') {
    const fileName = typeof part?.filename === 'string' ? part.filename : '';
    return new DomainError('attachment.too_large', { fileName }, [{ pointer: '/attachments', code: 'attachment_size', params: { fileName } }]);
  }
  if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT') return new DomainError('attachment.too_many', { max: maxAttachmentsPerRequest });
  return error;
}

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
