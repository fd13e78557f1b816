import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyRequest } from 'fastify';
import type { UploadedFile } from '../../../../app/intake/uploaded-file.js';
import { attachmentFileName } from '../../../../domain/complaint/attachment-file-name.js';
import { maxAttachmentBytes, maxAttachmentsPerRequest } from '../../../../domain/complaint/attachment-policy.js';
import { multipartRefusal, saveFilePart, stopReadingBody } from '../../../shared/multipart.js';
import { refuseUnstorable } from '../../../plugins/input-hygiene.js';
import type { FormProblem } from './form-values.js';

export interface SubmittedForm {
  fields: Record<string, string>;
  files: UploadedFile[];
  /** Files refused while reading (over 10 MB, one too many): the rest of the form is still read. */
  fileProblems: FormProblem[];
  /** The names of every file the person chose, to ask for them again if the form is refused. */
  chosenFileNames: string[];
  cleanup(): Promise<void>;
}

/**
 * Reads the complaint form as a browser posts it (multipart/form-data), or urlencoded from a
 * client without files. Unlike the API's reader, a file of a refused type or one too many
 * does not end the reading, so the form comes back with every field; a file over the size
 * limit does, as the text fields before it are read and the rest need not be uploaded.
 * A browser sends an empty file part for a file input left empty; it is skipped.
 */
export async function readComplaintForm(request: FastifyRequest, tempDir: string): Promise<SubmittedForm> {
  const fields: Record<string, string> = {};
  const files: UploadedFile[] = [];
  const fileProblems: FormProblem[] = [];
  const chosenFileNames: string[] = [];
  const tempPaths: string[] = [];
  const cleanup = async (): Promise<void> => {
    await Promise.all(tempPaths.map((path) => rm(path, { force: true })));
  };
  if (!request.isMultipart()) {
    const body = (request.body ?? {}) as Record<string, unknown>;
    for (const [name, value] of Object.entries(body)) if (typeof value === 'string') fields[name] = value;
    return { fields, files, fileProblems, chosenFileNames, cleanup };
  }
  try {
    // Many more parts than the form has would only come from a script: those fail the request.
    // A file over the limit is cut short and marked `truncated` instead of failing the request
    // (@fastify/multipart reads `throwFileSizeLimit` per call, though its types do not list it).
    const options = {
      limits: { fields: 40, fieldSize: 64 * 1024, files: 3 * maxAttachmentsPerRequest, fileSize: maxAttachmentBytes, parts: 40 + 3 * maxAttachmentsPerRequest },
      throwFileSizeLimit: false,
    };
    const parts = request.parts(options);
    for await (const part of parts) {
      if (part.type === 'field') {
        fields[part.fieldname] = String(part.value);
        continue;
      }
      // busboy reports the empty name of an empty file input as no name at all.
      const givenName = (part.filename as string | undefined) ?? '';
      if (part.fieldname !== 'attachments' || givenName === '') {
        part.file.resume();
        continue;
      }
      const fileName = attachmentFileName(givenName);
      chosenFileNames.push(fileName);
      if (files.length >= maxAttachmentsPerRequest) {
        part.file.resume();
        if (!fileProblems.some((problem) => problem.code === 'attachment_count')) {
          fileProblems.push({ field: 'attachments', code: 'attachment_count', params: { max: maxAttachmentsPerRequest } });
        }
        continue;
      }
      const tempPath = join(tempDir, randomUUID());
      tempPaths.push(tempPath);
      const saved = await saveFilePart(part.file, tempPath);
      if (saved.truncated) {
        // Stop here rather than take in the rest of a file that will not be kept: the text
        // fields come before the files in the form, so what was typed is already read.
        await rm(tempPath, { force: true });
        fileProblems.push({ field: 'attachments', code: 'attachment_size', params: { fileName } });
        stopReadingBody(request);
        break;
      }
      if (saved.sizeBytes === 0) {
        await rm(tempPath, { force: true });
        fileProblems.push({ field: 'attachments', code: 'attachment_type', params: { fileName } });
        continue;
      }
      files.push({ tempPath, fileName, sizeBytes: saved.sizeBytes, sha256: saved.sha256 });
    }
    // The hooks that check a urlencoded form never see multipart fields: the same check here.
    refuseUnstorable(fields);
  } catch (error) {
    stopReadingBody(request);
    await cleanup();
    throw multipartRefusal(error);
  }
  return { fields, files, fileProblems, chosenFileNames, cleanup };
}
