import type { FastifyReply } from 'fastify';

/**
 * Types a browser shows as a picture, a sound, a film or a PDF, never as a page that runs
 * script. Anything else, text/plain included (an HTML or SVG file with a script sniffs as
 * text), goes out as application/octet-stream: evidence is kept as it came, but never
 * rendered by our origin.
 */
const servedAsIs: ReadonlySet<string> = new Set([
  'application/pdf', 'image/jpeg', 'image/png', 'image/gif', 'image/webp',
  'audio/mpeg', 'audio/ogg', 'audio/mp4', 'video/mp4', 'video/webm',
]);

/**
 * Sends a stored file as a download, never inline: `attachment` disposition, no sniffing,
 * and a sandboxing CSP in case a browser renders it anyway (a %PDF/HTML polyglot, say).
 */
export function sendAsDownload(reply: FastifyReply, file: { fileName: string; mediaType: string; content: Buffer }): FastifyReply {
  return reply
    .type(servedAsIs.has(file.mediaType) ? file.mediaType : 'application/octet-stream')
    .header('content-disposition', attachmentDisposition(file.fileName))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "sandbox; default-src 'none'")
    .header('cache-control', 'private, no-store')
    .send(file.content);
}

/** `attachment; filename="<ASCII stand-in>"; filename*=UTF-8''<exact name>` (RFC 6266, RFC 5987). */
export function attachmentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^A-Za-z0-9 ._-]/g, '_');
  const exact = encodeURIComponent(fileName).replace(/['()*!]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${exact}`;
}
