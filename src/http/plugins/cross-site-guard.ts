import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError } from '../../domain/domain-error.js';
import { readSessionCookie } from './session-cookie.js';

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const signInPath = '/api/v1/auth/login';

/**
 * A browser attaches the staff session cookie to a request any other site makes it send,
 * body-less POSTs included (a form, an image, fetch with no-cors). So a change to the API
 * carried by the cookie alone must come from one of our own pages: the Origin header says
 * where the request was made (a browser cannot be made to forge it), else the Referer. A
 * request with neither is refused too, since every browser we support sends Origin on a
 * cross-site POST. Bearer tokens are never sent by a browser on its own, so API clients are
 * left as they are. Sign-in carries no cookie yet, but a page elsewhere that posts it
 * could sign the browser in as someone else: an Origin from another site is refused there too.
 *
 * "Our own" is the public address (PUBLIC_URL) or the address the request was made to, as
 * Fastify reads it (Host, or X-Forwarded-Host/-Proto behind a trusted proxy).
 */
export function registerCrossSiteGuard(app: FastifyInstance, publicUrl: string): void {
  const publicOrigin = originOf(publicUrl);
  app.addHook('onRequest', async (request) => {
    if (!unsafeMethods.has(request.method) || !request.url.startsWith('/api/v1/')) return;
    if (request.headers.authorization !== undefined) return;
    const path = request.url.split('?')[0];
    const isCookieCarried = request.headers.cookie !== undefined && readSessionCookie(request) !== undefined;
    if (!isCookieCarried && !(path === signInPath && request.headers.origin !== undefined)) return;
    const claimed = claimedOrigin(request);
    if (claimed === undefined || (claimed !== publicOrigin && claimed !== ownOrigin(request))) {
      throw new DomainError('auth.cross_site_request');
    }
  });
}

function claimedOrigin(request: FastifyRequest): string | undefined {
  const origin = request.headers.origin;
  if (origin !== undefined) return originOf(origin);
  const referer = request.headers.referer;
  return referer === undefined ? undefined : originOf(referer);
}

function ownOrigin(request: FastifyRequest): string | undefined {
  return originOf(`${request.protocol}://${request.host}`);
}

/** Scheme, host and port as URL normalises them (no default port); undefined for "null" and junk. */
function originOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : undefined;
  } catch {
    return undefined;
  }
}
