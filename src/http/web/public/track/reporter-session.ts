import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../../app/deps.js';
import { endReporterAccess, issueReporterAccessToken, reporterAccessTtlMs, verifyReporterAccessToken, type ReporterAccess } from '../../../../app/tracking/reporter-access.js';
import { DomainError } from '../../../../domain/domain-error.js';
import { isSecure } from '../../kit/web-context.js';

/**
 * The reporter's sign-in on the tracking pages: the short-lived access token the API hands
 * out, in an HttpOnly cookie that only the tracking pages receive. The tracking code itself is
 * never kept, neither here nor in any URL.
 */
export const reporterCookieName = 'aduan_pelapor';
const cookiePath = '/lacak';

export const trackPath = '/lacak';
export const casePath = '/lacak/kasus';
export const signOutPath = '/lacak/keluar';

function cookieOptions(request: FastifyRequest) {
  return { path: cookiePath, httpOnly: true, sameSite: 'lax' as const, secure: isSecure(request) };
}

export function startReporterSession(request: FastifyRequest, reply: FastifyReply, accessToken: string): void {
  void reply.setCookie(reporterCookieName, accessToken, { ...cookieOptions(request), maxAge: reporterAccessTtlMs / 1000 });
}

export function endReporterSession(request: FastifyRequest, reply: FastifyReply): void {
  void reply.clearCookie(reporterCookieName, cookieOptions(request));
}

/** "Keluar": ends the token server-side (a copy of the cookie no longer works) and clears the cookie. */
export async function signOutReporter(deps: AppDeps, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const token = request.cookies[reporterCookieName];
  if (token !== undefined && token !== '') {
    try {
      await endReporterAccess(deps, token);
    } catch (error) {
      // A session that had already ended has nothing left to end.
      if (!(error instanceof DomainError)) throw error;
    }
  }
  endReporterSession(request, reply);
}

/** Whether the browser holds a session that has not ended, without renewing it. */
export async function hasReporterSession(deps: AppDeps, request: FastifyRequest): Promise<boolean> {
  return (await accessOfToken(deps, request.cookies[reporterCookieName])) !== null;
}

async function accessOfToken(deps: AppDeps, token: string | undefined): Promise<ReporterAccess | null> {
  if (token === undefined || token === '') return null;
  try {
    return await verifyReporterAccessToken(deps, token);
  } catch (error) {
    if (error instanceof DomainError) return null;
    throw error;
  }
}

/**
 * The case the browser is signed in to, with the session renewed for another 30 minutes (it
 * ends after 30 minutes without activity); null when there is no session or it has ended.
 */
export async function signedInCase(deps: AppDeps, request: FastifyRequest, reply: FastifyReply): Promise<string | null> {
  const access = await accessOfToken(deps, request.cookies[reporterCookieName]);
  if (access === null) return null;
  startReporterSession(request, reply, issueReporterAccessToken(deps, access).accessToken);
  return access.complaintId;
}

/** Back to the tracking form, which says plainly that the session has ended. */
export function toSessionEnded(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  endReporterSession(request, reply);
  return reply.code(303).header('location', `${trackPath}?sesi=berakhir`).send();
}

/** A handler for the signed-in pages: given the browser's case, or sent back to the tracking form. */
export function withCase(deps: AppDeps, handle: (complaintId: string, request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply>) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
    const complaintId = await signedInCase(deps, request, reply);
    return complaintId === null ? toSessionEnded(request, reply) : handle(complaintId, request, reply);
  };
}
