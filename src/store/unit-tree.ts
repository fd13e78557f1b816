import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';

/** The unit followed by its ancestors, nearest first, up to the root; the depth cap stops a loop that should never exist. */
export async function findUnitPath(db: Kysely<Database>, unitId: number): Promise<number[]> {
  const result = await sql<{ id: number }>`
    with recursive path (id, parent_id, depth) as (
      select id, parent_id, 0 from units where id = ${unitId}
      union all
      select units.id, units.parent_id, path.depth + 1 from units join path on units.id = path.parent_id where path.depth < 50
    )
    select id from path order by depth`.execute(db);
  return result.rows.map((row) => Number(row.id));
}
