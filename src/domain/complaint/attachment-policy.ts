/** What a reporter or officer may attach, checked against the sniffed content, not the file name. */
export const maxAttachmentBytes = 10 * 1024 * 1024;
export const maxAttachmentsPerRequest = 10;

export const allowedAttachmentTypes: ReadonlySet<string> = new Set([
  // documents
  'application/pdf', 'text/plain', 'application/rtf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text', 'application/vnd.oasis.opendocument.spreadsheet',
  'application/x-cfb', // legacy .doc / .xls
  // images
  'image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/heic', 'image/heif', 'image/tiff', 'image/bmp',
  // audio (WhatsApp voice notes are Ogg/Opus; older phones record AMR)
  'audio/mpeg', 'audio/ogg', 'audio/opus', 'audio/wav', 'audio/x-wav', 'audio/vnd.wave', 'audio/mp4', 'audio/x-m4a', 'audio/aac', 'audio/amr', 'audio/webm',
  // video
  'video/mp4', 'video/3gpp', 'video/webm', 'video/quicktime', 'video/x-matroska',
]);

export function isAllowedAttachmentType(mediaType: string): boolean {
  return allowedAttachmentTypes.has(mediaType);
}
