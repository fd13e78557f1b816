import type { FastifyReply, FastifyRequest } from 'fastify';

export const sessionCookieName = 'aduan_session';

/** Our tokens are base64url with a prefix: nothing in them needs quoting or escaping. */
const safeValue = /^[A-Za-z0-9_-]+$/;

export function readSessionCookie(request: FastifyRequest): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  for (const pair of header.split(';')) {
    const separator = pair.indexOf('=');
    if (separator < 0 || pair.slice(0, separator).trim() !== sessionCookieName) continue;
    const value = pair.slice(separator + 1).trim();
    return safeValue.test(value) ? value : undefined;
  }
  return undefined;
}

/**
 * HttpOnly keeps it from scripts; SameSite=Strict keeps the browser from sending it with any
 * request another site starts, links included (the cross-site guard checks Origin besides,
 * for browsers that ignore SameSite); Secure whenever the request came over https (directly or, with trustProxy, via the proxy).
 */
export function serializeSessionCookie(value: string, options: { maxAgeSeconds: number; isSecure: boolean }): string {
  if (value !== '' && !safeValue.test(value)) throw new Error('session cookie value has characters that need escaping');
  const attributes = [`${sessionCookieName}=${value}`, 'Path=/', `Max-Age=${Math.max(0, Math.floor(options.maxAgeSeconds))}`, 'HttpOnly', 'SameSite=Strict'];
  if (options.isSecure) attributes.push('Secure');
  return attributes.join('; ');
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string, expiresAt: Date, now: Date): void {
  const maxAgeSeconds = (expiresAt.getTime() - now.getTime()) / 1000;
  void reply.header('set-cookie', serializeSessionCookie(token, { maxAgeSeconds, isSecure: request.protocol === 'https' }));
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  void reply.header('set-cookie', serializeSessionCookie('', { maxAgeSeconds: 0, isSecure: request.protocol === 'https' }));
}
