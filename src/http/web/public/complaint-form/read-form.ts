import type { FastifyRequest } from 'fastify';
import type { UploadedFile } from '../../../../app/intake/uploaded-file.js';
import { readMultipart } from '../../../shared/multipart.js';
import { problemsFromDomain, type FormProblem } from './form-values.js';

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
 * Reads the complaint form as a browser posts it (multipart/form-data, read leniently: see
 * `MultipartMode`), or urlencoded from a client without files.
 */
export async function readComplaintForm(request: FastifyRequest, uploadDir: string): Promise<SubmittedForm> {
  if (!request.isMultipart()) {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const fields = Object.fromEntries(Object.entries(body).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
    return { fields, files: [], fileProblems: [], chosenFileNames: [], cleanup: async () => {} };
  }
  const upload = await readMultipart(request, uploadDir, ['attachments'], 'lenient');
  return {
    fields: upload.fields, files: upload.files.attachments ?? [], fileProblems: problemsFromDomain(upload.refusedFiles),
    chosenFileNames: upload.chosenFileNames, cleanup: upload.cleanup,
  };
}
