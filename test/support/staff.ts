import { hashPassword } from '../../src/app/auth/password-hash.js';
import { signInStaff } from '../../src/app/auth/sign-in-staff.js';
import type { StaffRole } from '../../src/domain/access/policy.js';
import type { TestApp } from './test-app.js';

export const testPassword = 'kata-sandi-yang-panjang-sekali';

/** A unit of the tree, straight into the database (the admin API has its own tests). */
export async function aUnit(t: TestApp, unit: { code: string; name?: string; parentId: number | null; approvalChain?: { role: string; unitsUp: number }[]; timeZone?: string }): Promise<number> {
  const row = await t.deps.db.insertInto('units').values({
    code: unit.code, name: unit.name ?? `Unit ${unit.code}`, parentId: unit.parentId, timeZone: unit.timeZone ?? 'Asia/Jakarta',
    approvalChain: JSON.stringify(unit.approvalChain ?? []),
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function rootUnitId(t: TestApp): Promise<number> {
  const row = await t.deps.db.selectFrom('units').select('id').where('parentId', 'is', null).orderBy('id').executeTakeFirstOrThrow();
  return row.id;
}

let counter = 0;

/** A staff member with a signed-in session; `authorization` is ready for request headers. */
export async function aStaffMember(t: TestApp, staff: { unitId: number; roles: StaffRole[]; name?: string }): Promise<{ id: number; authorization: string; email: string }> {
  counter += 1;
  const email = `staf${counter}-${staff.roles.join('-')}@aduan.test`;
  const row = await t.deps.db.insertInto('users').values({
    email, name: staff.name ?? `Staf ${counter}`, unitId: staff.unitId, roles: staff.roles, passwordHash: await hashPassword(testPassword),
  }).returning('id').executeTakeFirstOrThrow();
  const { token } = await signInStaff(t.deps, { email, password: testPassword }, { address: '127.0.0.1' });
  return { id: row.id, authorization: `Bearer ${token}`, email };
}

/** A new session for a staff member, opened at the clock's current time; `Bearer …`. */
export async function signInAgain(t: TestApp, staff: { email: string }): Promise<string> {
  const { token } = await signInStaff(t.deps, { email: staff.email, password: testPassword }, { address: '127.0.0.1' });
  return `Bearer ${token}`;
}

/** A team in a unit; `isIntegrityTeam` marks the one that alone handles whistleblowing. */
export async function aTeam(t: TestApp, team: { unitId: number; code: string; isIntegrityTeam?: boolean; memberIds: number[] }): Promise<number> {
  const row = await t.deps.db.insertInto('teams').values({ unitId: team.unitId, code: team.code, name: `Tim ${team.code}`, isIntegrityTeam: team.isIntegrityTeam ?? false })
    .returning('id').executeTakeFirstOrThrow();
  for (const userId of team.memberIds) await t.deps.db.insertInto('teamMembers').values({ teamId: row.id, userId, role: 'investigator' }).execute();
  return row.id;
}
