import { sql, type Kysely } from 'kysely';
import type { Database, StaffTokenRow } from './schema.js';

export type StaffTokenKind = 'session' | 'api';

export async function insertStaffToken(
  db: Kysely<Database>,
  token: { userId: number; kind: StaffTokenKind; name: string | null; tokenHash: Buffer; createdAt: Date; expiresAt: Date | null },
): Promise<number> {
  const row = await db.insertInto('staffTokens').values(token).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export interface LiveStaffToken {
  tokenId: number;
  kind: string;
  lastUsedAt: Date | null;
  userId: number;
  unitId: number;
  roles: string[];
  isTotpEnabled: boolean;
  /** The active teams the person belongs to. */
  teamIds: number[];
  /** The roles an administrator marked as needing a second factor (the `settings` value). */
  totpRequiredRoles: unknown;
}

/** A token that is neither revoked nor expired, of an account that is still active. */
export async function findLiveStaffToken(db: Kysely<Database>, tokenHash: Buffer, now: Date): Promise<LiveStaffToken | undefined> {
  const row = await db.selectFrom('staffTokens').innerJoin('users', 'users.id', 'staffTokens.userId')
    .select(['staffTokens.id as tokenId', 'staffTokens.kind', 'staffTokens.lastUsedAt', 'users.id as userId', 'users.unitId', 'users.roles', 'users.totpEnabledAt'])
    // Every staff request starts here: the teams and the TOTP setting come along in the same
    // round trip instead of two more.
    .select(sql<(string | number)[]>`coalesce((
      select array_agg(teams.id order by teams.id) from team_members join teams on teams.id = team_members.team_id
      where team_members.user_id = users.id and teams.is_active), '{}')`.as('teamIds'))
    .select(sql<unknown>`(select value from settings where key = 'totp_required_roles')`.as('totpRequiredRoles'))
    .where('staffTokens.tokenHash', '=', tokenHash)
    .where('staffTokens.revokedAt', 'is', null)
    .where((eb) => eb.or([eb('staffTokens.expiresAt', 'is', null), eb('staffTokens.expiresAt', '>', now)]))
    .where('users.isActive', '=', true)
    .executeTakeFirst();
  if (!row) return undefined;
  const { totpEnabledAt, teamIds, ...rest } = row;
  return { ...rest, teamIds: teamIds.map(Number), isTotpEnabled: totpEnabledAt !== null };
}

/** Writes only when the stored time is `staleBefore` or older, so busy tokens do not cost a write per request. */
export async function touchStaffToken(db: Kysely<Database>, tokenId: number, now: Date, staleBefore: Date): Promise<void> {
  await db.updateTable('staffTokens').set({ lastUsedAt: now }).where('id', '=', tokenId)
    .where((eb) => eb.or([eb('lastUsedAt', 'is', null), eb('lastUsedAt', '<=', staleBefore)])).execute();
}

export async function revokeStaffTokenByHash(db: Kysely<Database>, tokenHash: Buffer, now: Date): Promise<void> {
  await db.updateTable('staffTokens').set({ revokedAt: now }).where('tokenHash', '=', tokenHash).where('revokedAt', 'is', null).execute();
}

/** Returns false when the user has no such live API token (someone else's counts as none). */
export async function revokeApiToken(db: Kysely<Database>, userId: number, tokenId: number, now: Date): Promise<boolean> {
  const result = await db.updateTable('staffTokens').set({ revokedAt: now })
    .where('id', '=', tokenId).where('userId', '=', userId).where('kind', '=', 'api').where('revokedAt', 'is', null).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function revokeAllStaffTokens(db: Kysely<Database>, userId: number, now: Date): Promise<void> {
  await db.updateTable('staffTokens').set({ revokedAt: now }).where('userId', '=', userId).where('revokedAt', 'is', null).execute();
}

export async function listLiveApiTokens(db: Kysely<Database>, userId: number, now: Date): Promise<Omit<StaffTokenRow, 'tokenHash'>[]> {
  return db.selectFrom('staffTokens')
    .select(['id', 'userId', 'kind', 'name', 'createdAt', 'expiresAt', 'lastUsedAt', 'revokedAt'])
    .where('userId', '=', userId).where('kind', '=', 'api').where('revokedAt', 'is', null)
    .where(sql<boolean>`(expires_at is null or expires_at > ${now})`)
    .orderBy('id').execute();
}
