import type { FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app/deps.js';
import { resolveStaffSession, type StaffSession } from '../../app/auth/authenticate-staff.js';
import type { StaffActor, StaffRole } from '../../domain/access/policy.js';
import { DomainError } from '../../domain/domain-error.js';
import { readSessionCookie } from './session-cookie.js';

/** One lookup per request, however many places ask who is calling. */
const sessions = new WeakMap<FastifyRequest, Promise<StaffSession | undefined>>();

/**
 * The token a request presents: an Authorization Bearer header first (API clients), else
 * the session cookie (pages). A request that sends a header is judged by the header alone.
 */
export function presentedStaffToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    return match?.[1];
  }
  return readSessionCookie(request);
}

export function staffSessionOf(request: FastifyRequest, deps: AppDeps): Promise<StaffSession | undefined> {
  let session = sessions.get(request);
  if (!session) {
    const token = presentedStaffToken(request);
    session = token === undefined ? Promise.resolve(undefined) : resolveStaffSession(deps, token);
    sessions.set(request, session);
  }
  return session;
}

/** The staff member behind the request, or undefined for the public (and for a session that must enrol TOTP first). */
export async function staffActorOf(request: FastifyRequest, deps: AppDeps): Promise<StaffActor | undefined> {
  const session = await staffSessionOf(request, deps);
  return session && !session.isTotpEnrolmentRequired ? session.actor : undefined;
}

export async function requireStaff(request: FastifyRequest, deps: AppDeps): Promise<StaffActor> {
  const session = await requireStaffSession(request, deps);
  if (session.isTotpEnrolmentRequired) throw new DomainError('auth.totp_enrolment_required');
  return session.actor;
}

/** Any signed-in staff, including one who may only enrol a second factor: for the auth endpoints themselves. */
export async function requireStaffSession(request: FastifyRequest, deps: AppDeps): Promise<StaffSession> {
  const session = await staffSessionOf(request, deps);
  if (!session) throw new DomainError('auth.required');
  return session;
}

export function requireRole(actor: StaffActor, ...roles: StaffRole[]): void {
  if (!actor.roles.some((role) => roles.includes(role))) throw new DomainError('auth.forbidden', { required: roles });
}
