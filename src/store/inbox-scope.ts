import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';

export interface InboxScope {
  /** The organisation version (migration 0011) this scope was read at. */
  version: number;
  /** The unit and every unit below it. */
  subtree: number[];
  unitCount: number;
  integrityTeamIds: number[];
}

const organisationVersion = sql<unknown>`(select value from settings where key = 'organisation_version')`;

/**
 * What the inbox needs to know about the viewer's place, in one round trip, with the
 * organisation version it was read at (one statement, so they agree).
 */
export async function findInboxScope(db: Kysely<Database>, unitId: number): Promise<InboxScope> {
  const result = await sql<{ version: unknown; subtree: (string | number)[]; unitCount: string | number; integrityTeamIds: (string | number)[] }>`
    with recursive tree (id, depth) as (
      select id, 0 from units where id = ${unitId}
      union all
      select units.id, tree.depth + 1 from units join tree on units.parent_id = tree.id where tree.depth < 50
    )
    select
      ${organisationVersion} as version,
      (select coalesce(array_agg(id), '{}') from tree) as subtree,
      (select count(*) from units) as "unitCount",
      (select coalesce(array_agg(id), '{}') from teams where is_integrity_team and is_active) as "integrityTeamIds"`.execute(db);
  const row = result.rows[0];
  return {
    version: Number(row?.version ?? 0),
    subtree: (row?.subtree ?? []).map(Number),
    unitCount: Number(row?.unitCount ?? 0),
    integrityTeamIds: (row?.integrityTeamIds ?? []).map(Number),
  };
}

/** Changes with every change to units or teams (a trigger bumps it): one primary-key lookup. */
export async function readOrganisationVersion(db: Kysely<Database>): Promise<number> {
  const result = await sql<{ version: unknown }>`select ${organisationVersion} as version`.execute(db);
  return Number(result.rows[0]?.version ?? 0);
}
