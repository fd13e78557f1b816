import { sql, type Kysely } from 'kysely';
import { DomainError } from '../domain/domain-error.js';
import { isUniqueViolation } from './database-errors.js';
import type { Database, UnitRow } from './schema.js';

export interface NewUnit {
  code: string;
  name: string;
  parentId: number | null;
  timeZone: string;
  approvalChain: readonly { role: string; unitsUp: number }[];
  address: string | null;
}

function duplicateCode(error: unknown): unknown {
  // units_code_key: another unit (perhaps a deactivated one) has the code.
  return isUniqueViolation(error) ? new DomainError('admin.already_exists', {}, [{ pointer: '/code', code: 'duplicate' }]) : error;
}

export async function insertUnit(db: Kysely<Database>, unit: NewUnit, now: Date): Promise<number> {
  try {
    const row = await db.insertInto('units')
      .values({ ...unit, approvalChain: JSON.stringify(unit.approvalChain), createdAt: now, updatedAt: now })
      .returning('id').executeTakeFirstOrThrow();
    return row.id;
  } catch (error) {
    throw duplicateCode(error);
  }
}

export async function updateUnit(db: Kysely<Database>, id: number, changes: Partial<NewUnit>, now: Date): Promise<boolean> {
  const { approvalChain, ...rest } = changes;
  try {
    const result = await db.updateTable('units')
      .set({ ...rest, ...(approvalChain === undefined ? {} : { approvalChain: JSON.stringify(approvalChain) }), updatedAt: now })
      .where('id', '=', id).executeTakeFirst();
    return result.numUpdatedRows > 0n;
  } catch (error) {
    throw duplicateCode(error);
  }
}

export async function deactivateUnit(db: Kysely<Database>, id: number, now: Date): Promise<boolean> {
  const result = await db.updateTable('units').set({ isActive: false, updatedAt: now }).where('id', '=', id).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function listUnits(db: Kysely<Database>): Promise<UnitRow[]> {
  return db.selectFrom('units').selectAll().orderBy('id').execute();
}

export async function isActiveUnit(db: Kysely<Database>, id: number): Promise<boolean> {
  const row = await db.selectFrom('units').select('id').where('id', '=', id).where('isActive', '=', true).executeTakeFirst();
  return row !== undefined;
}

/**
 * Serialises changes of the tree for the rest of the transaction: two administrators each
 * moving a unit under the other would otherwise both pass the cycle check.
 */
export async function lockUnitTree(db: Kysely<Database>): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext('aduan.units.tree'))`.execute(db);
}

/** Active child units and active staff: what a unit must not lose by being deactivated. */
export async function countActiveDependants(db: Kysely<Database>, unitId: number): Promise<number> {
  const result = await sql<{ count: number }>`
    select (select count(*) from units where parent_id = ${unitId} and is_active)
         + (select count(*) from users where unit_id = ${unitId} and is_active) as count`.execute(db);
  return Number(result.rows[0]?.count ?? 0);
}
