import { open } from 'node:fs/promises';
import { fileTypeFromFile } from 'file-type';
import { DomainError } from '../../domain/domain-error.js';
import { isAllowedAttachmentType } from '../../domain/complaint/attachment-policy.js';

/** A file the HTTP layer has streamed to a temporary path, with what it measured on the way. */
export interface UploadedFile {
  tempPath: string;
  fileName: string;
  sizeBytes: number;
  sha256: string;
}

export interface InspectedFile extends UploadedFile {
  mediaType: string;
}

/**
 * Decides what a file really is from its first bytes. Plain text has no signature, so a
 * file without one counts as text only if it is valid UTF-8 without control bytes.
 */
export async function inspectUploadedFile(file: UploadedFile, pointer: string): Promise<InspectedFile> {
  const sniffed = await fileTypeFromFile(file.tempPath);
  const mediaType = sniffed?.mime ?? ((await looksLikeText(file.tempPath)) ? 'text/plain' : 'application/octet-stream');
  if (!isAllowedAttachmentType(mediaType)) {
    throw new DomainError('attachment.type_not_allowed', { fileName: file.fileName, mediaType }, [
      { pointer, code: 'attachment_type', params: { fileName: file.fileName } },
    ]);
  }
  return { ...file, mediaType };
}

async function looksLikeText(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    if (bytesRead === 0) return false;
    const sample = buffer.subarray(0, bytesRead);
    if (sample.some((byte) => byte < 0x09 || (byte > 0x0d && byte < 0x20 && byte !== 0x1b))) return false;
    try {
      // A multi-byte character cut at the sample's end is fine; only invalid sequences are not.
      new TextDecoder('utf-8', { fatal: true }).decode(bytesRead < buffer.length ? sample : sample.subarray(0, bytesRead - 4));
      return true;
    } catch {
      return false;
    }
  } finally {
    await handle.close();
  }
}
