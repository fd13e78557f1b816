import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';

export interface InboxScope {
  /** The unit and every unit below it. */
  subtree: number[];
  unitCount: number;
  integrityTeamIds: number[];
}

/**
 * What the inbox needs to know about the viewer's place, in one round trip: every inbox
 * request pays for it, so three small queries here were a third of its time (BENCHMARKS.md).
 */
export async function findInboxScope(db: Kysely<Database>, unitId: number): Promise<InboxScope> {
  const result = await sql<{ subtree: (string | number)[]; unitCount: string | number; integrityTeamIds: (string | number)[] }>`
    with recursive tree (id, depth) as (
      select id, 0 from units where id = ${unitId}
      union all
      select units.id, tree.depth + 1 from units join tree on units.parent_id = tree.id where tree.depth < 50
    )
    select
      (select coalesce(array_agg(id), '{}') from tree) as subtree,
      (select count(*) from units) as "unitCount",
      (select coalesce(array_agg(id), '{}') from teams where is_integrity_team and is_active) as "integrityTeamIds"`.execute(db);
  const row = result.rows[0];
  return {
    subtree: (row?.subtree ?? []).map(Number),
    unitCount: Number(row?.unitCount ?? 0),
    integrityTeamIds: (row?.integrityTeamIds ?? []).map(Number),
  };
}
