import type { StaffActor } from '../../domain/access/policy.js';

/**
 * Who changes the configuration: a signed-in administrator, or the system itself (start-up, scripts, tests).
 * Each use case that changes it asks `requireCapability(actor, 'configure')` first (domain/access/capabilities.ts).
 */
export type AdminActor = StaffActor | { kind: 'system' };

export const systemActor: AdminActor = { kind: 'system' };

/** The audit log's `actorId`: null for the system. */
export function auditActorId(actor: AdminActor): number | null {
  return actor.kind === 'staff' ? actor.userId : null;
}
