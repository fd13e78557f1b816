import type { Kysely, Selectable } from 'kysely';
import type { CategoriesTable, Database } from './schema.js';

export type CategoryRow = Selectable<CategoriesTable>;

export async function findActiveCategory(db: Kysely<Database>, code: string): Promise<CategoryRow | undefined> {
  return db.selectFrom('categories').selectAll().where('code', '=', code).where('isActive', '=', true).executeTakeFirst();
}

export async function listActiveCategories(db: Kysely<Database>): Promise<CategoryRow[]> {
  return db.selectFrom('categories').selectAll().where('isActive', '=', true).orderBy('code').execute();
}
