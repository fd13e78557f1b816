import type { Kysely } from 'kysely';
import type { Database, UnitRow } from './schema.js';

/** The unit complaints land in when nothing routes them elsewhere: the oldest root unit. */
export async function findRootUnit(db: Kysely<Database>): Promise<UnitRow> {
  return db.selectFrom('units').selectAll().where('parentId', 'is', null).where('isActive', '=', true).orderBy('id').limit(1).executeTakeFirstOrThrow();
}

export async function findUnitById(db: Kysely<Database>, id: number): Promise<UnitRow | undefined> {
  return db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst();
}
