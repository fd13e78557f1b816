import { sql, type Kysely } from 'kysely';
import type { StaffRole } from '../domain/access/policy.js';
import { DomainError } from '../domain/domain-error.js';
import { isUniqueViolation } from './database-errors.js';
import type { Database, UserRow } from './schema.js';

export interface NewStaffAccount {
  email: string;
  name: string;
  unitId: number;
  roles: StaffRole[];
  passwordHash: string;
  nip?: string | null;
  position?: string | null;
}

export type StaffAccountChanges = Partial<NewStaffAccount>;

/** Emails are unique regardless of case (users_email_key is on lower(email)). */
export async function findStaffAccountByEmail(db: Kysely<Database>, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where(sql<string>`lower(email)`, '=', email.toLowerCase()).executeTakeFirst();
}

export async function findStaffAccountById(db: Kysely<Database>, id: number): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listStaffAccounts(db: Kysely<Database>): Promise<UserRow[]> {
  return db.selectFrom('users').selectAll().orderBy('id').execute();
}

export async function countActiveStaffAccounts(db: Kysely<Database>, ids: readonly number[]): Promise<number> {
  if (ids.length === 0) return 0;
  const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('count'))
    .where('id', 'in', [...ids]).where('isActive', '=', true).executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function insertStaffAccount(db: Kysely<Database>, account: NewStaffAccount, now: Date): Promise<number> {
  try {
    const row = await db.insertInto('users').values({ ...account, createdAt: now, updatedAt: now }).returning('id').executeTakeFirstOrThrow();
    return row.id;
  } catch (error) {
    // users_email_key: the address belongs to another account (perhaps a deactivated one).
    if (isUniqueViolation(error)) throw new DomainError('admin.already_exists', {}, [{ pointer: '/email', code: 'duplicate' }]);
    throw error;
  }
}

/** Returns false when there is no such account. */
export async function updateStaffAccount(db: Kysely<Database>, id: number, changes: StaffAccountChanges, now: Date): Promise<boolean> {
  try {
    const result = await db.updateTable('users').set({ ...changes, updatedAt: now }).where('id', '=', id).executeTakeFirst();
    return result.numUpdatedRows > 0n;
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError('admin.already_exists', {}, [{ pointer: '/email', code: 'duplicate' }]);
    throw error;
  }
}

export async function deactivateStaffAccount(db: Kysely<Database>, id: number, now: Date): Promise<boolean> {
  const result = await db.updateTable('users').set({ isActive: false, updatedAt: now }).where('id', '=', id).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * Counts one failed sign-in on the account, in a single statement so concurrent attempts on
 * several app nodes cannot lose a count: the failures since the last sign-in, for the
 * administrators. It locks nothing; sign-in-throttles.ts slows the guessing.
 */
export async function countFailedSignIn(db: Kysely<Database>, userId: number): Promise<void> {
  await sql`update users set failed_sign_ins = failed_sign_ins + 1 where id = ${userId}`.execute(db);
}

export async function clearFailedSignIns(db: Kysely<Database>, userId: number): Promise<void> {
  await db.updateTable('users').set({ failedSignIns: 0, lockedUntil: null }).where('id', '=', userId).execute();
}

/** A new enrolment replaces an unconfirmed secret; a confirmed one is never overwritten here. */
export async function storePendingTotpSecret(db: Kysely<Database>, userId: number, sealed: Buffer, now: Date): Promise<boolean> {
  const result = await db.updateTable('users').set({ totpSecretSealed: sealed, updatedAt: now })
    .where('id', '=', userId).where('totpEnabledAt', 'is', null).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * Only the first confirmation wins: a concurrent second one updates nothing. The confirming
 * code's step counts as used, so the same code cannot then sign in.
 */
export async function enableTotp(db: Kysely<Database>, userId: number, now: Date, acceptedTimeStep: number): Promise<boolean> {
  const result = await db.updateTable('users').set({ totpEnabledAt: now, totpLastTimeStep: acceptedTimeStep, updatedAt: now })
    .where('id', '=', userId).where('totpEnabledAt', 'is', null).where('totpSecretSealed', 'is not', null).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * Records that a TOTP code of `timeStep` was accepted, unless one of that step or a later one
 * already was: a compare-and-set in one statement, so of two sign-ins racing with the same
 * code (on any app nodes) exactly one wins. Call it in the transaction that signs in.
 */
export async function acceptTotpTimeStep(db: Kysely<Database>, userId: number, timeStep: number): Promise<boolean> {
  const result = await db.updateTable('users').set({ totpLastTimeStep: timeStep })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('totpLastTimeStep', 'is', null), eb('totpLastTimeStep', '<', timeStep)]))
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** An administrator's reset after a lost phone: the person enrols again at next sign-in. */
export async function clearTotp(db: Kysely<Database>, userId: number, now: Date): Promise<void> {
  await db.updateTable('users').set({ totpSecretSealed: null, totpEnabledAt: null, totpLastTimeStep: null, updatedAt: now }).where('id', '=', userId).execute();
  await db.deleteFrom('recoveryCodes').where('userId', '=', userId).execute();
}
