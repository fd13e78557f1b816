import { staffRoles, type StaffRole } from './policy.js';

const knownRoles: ReadonlySet<string> = new Set(staffRoles);

/** Roles come back from the database as text; anything not in the catalogue grants nothing. */
export function isStaffRole(role: string): role is StaffRole {
  return knownRoles.has(role);
}

/** The seeds' complaint-handling team; a team role is not a staff role and grants no action by itself. */
export const teamMemberRoles = ['leader', 'investigator', 'analyst', 'administrator'] as const;
export type TeamMemberRole = (typeof teamMemberRoles)[number];
