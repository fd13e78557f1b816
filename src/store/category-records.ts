import type { Kysely, Selectable } from 'kysely';
import { DomainError } from '../domain/domain-error.js';
import { isUniqueViolation } from './database-errors.js';
import type { CategoriesTable, Database } from './schema.js';

export interface NewCategory {
  code: string;
  nameId: string;
  nameEn: string;
  isWhistleblowing: boolean;
  defaultUnitId: number | null;
}

export async function insertCategory(db: Kysely<Database>, category: NewCategory, now: Date): Promise<number> {
  try {
    const row = await db.insertInto('categories').values({ ...category, createdAt: now, updatedAt: now }).returning('id').executeTakeFirstOrThrow();
    return row.id;
  } catch (error) {
    // categories_code_key: codes are stable identifiers, even of a deactivated category.
    if (isUniqueViolation(error)) throw new DomainError('admin.already_exists', {}, [{ pointer: '/code', code: 'duplicate' }]);
    throw error;
  }
}

/** The code is not changeable: complaints refer to categories by it. */
export async function updateCategory(db: Kysely<Database>, id: number, changes: Partial<Omit<NewCategory, 'code'>>, now: Date): Promise<boolean> {
  const result = await db.updateTable('categories').set({ ...changes, updatedAt: now }).where('id', '=', id).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function deactivateCategory(db: Kysely<Database>, id: number, now: Date): Promise<boolean> {
  const result = await db.updateTable('categories').set({ isActive: false, updatedAt: now }).where('id', '=', id).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function findCategoryById(db: Kysely<Database>, id: number): Promise<Selectable<CategoriesTable> | undefined> {
  return db.selectFrom('categories').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listAllCategories(db: Kysely<Database>): Promise<Selectable<CategoriesTable>[]> {
  return db.selectFrom('categories').selectAll().orderBy('code').execute();
}
