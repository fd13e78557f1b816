import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app/deps.js';
import { resolveStaffSession, type StaffSession } from '../../app/auth/resolve-staff-session.js';
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

const maxRememberedActors = 10_000;

/**
 * Runs a read for the calling staff member while their token is still being looked up, as the
 * person the same token stood for at its last lookup on this node. The result is kept only if
 * the lookup now returns that same person (same unit, roles and teams); otherwise the read runs
 * again for whoever it returns, and a token no longer valid gets its 401. Nothing is answered
 * before the token is checked: this only overlaps the lookup with the read, a round trip saved
 * on every inbox request. For reads only — a write must never run for someone the token may
 * no longer stand for.
 */
export async function readAsStaff<T>(request: FastifyRequest, deps: AppDeps, read: (actor: StaffActor) => Promise<T>): Promise<T> {
  const token = presentedStaffToken(request);
  // The person each token stood for at its last lookup on this node, by a hash of the token.
  const memory = deps.caches.staffActors;
  const key = token === undefined ? undefined : createHash('sha256').update(token).digest('base64url');
  const remembered = key === undefined ? undefined : memory.get(key);
  if (remembered === undefined) {
    const actor = await requireStaff(request, deps);
    if (key !== undefined) remember(memory, key, actor);
    return read(actor);
  }
  const speculative = read(remembered).then((value) => ({ value }), (error: unknown) => ({ error }));
  let actor: StaffActor;
  try {
    actor = await requireStaff(request, deps);
  } catch (error) {
    if (key !== undefined) memory.delete(key);
    throw error;
  }
  if (isSamePerson(actor, remembered)) {
    const outcome = await speculative;
    if ('error' in outcome) throw outcome.error;
    return outcome.value;
  }
  if (key !== undefined) remember(memory, key, actor);
  return read(actor);
}

function remember(memory: Map<string, StaffActor>, key: string, actor: StaffActor): void {
  memory.delete(key);
  memory.set(key, actor);
  // Oldest first out: a Map iterates in insertion order.
  if (memory.size > maxRememberedActors) memory.delete(memory.keys().next().value as string);
}

function isSamePerson(a: StaffActor, b: StaffActor): boolean {
  const sameList = <T>(x: readonly T[], y: readonly T[]) => x.length === y.length && x.every((item) => y.includes(item));
  return a.userId === b.userId && a.unitId === b.unitId && sameList(a.roles, b.roles) && sameList(a.teamIds, b.teamIds);
}
