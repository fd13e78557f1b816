// The SQL the inbox runs, exactly as Kysely generates it: src/store/inbox.ts is called with
// the viewer and filters the HTTP route would build, through a Kysely instance configured
// like src/store/database.ts (pg Pool, CamelCasePlugin) that records each compiled query.
import { CamelCasePlugin, Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { countInboxByStatus, listInboxPage, type InboxFilters, type InboxViewer } from '../../src/store/inbox.js';
import type { Database } from '../../src/store/schema.js';
import { findInboxScope } from '../../src/store/inbox-scope.js';

export interface CapturedQuery {
  sql: string;
  parameters: readonly unknown[];
}

export interface InboxSql {
  page: CapturedQuery;
  counts: CapturedQuery;
  /** What the app answered with, to check the HTTP side returns the same. */
  pageIds: string[];
  counted: Record<string, number>;
}

/** What list-inbox.ts builds for a coordinator (no teams, not in the integrity team, not an auditor). */
export async function captureInboxSql(
  databaseUrl: string, coordinator: { userId: number; unitId: number }, filters: InboxFilters, now: Date,
): Promise<InboxSql> {
  const captured: CapturedQuery[] = [];
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    plugins: [new CamelCasePlugin()],
    log: (event) => {
      if (event.level === 'query') captured.push({ sql: event.query.sql, parameters: event.query.parameters });
    },
  });
  try {
    // As list-inbox.ts builds it: the whole tree is said as 'all', not listed.
    const scope = await findInboxScope(db, coordinator.unitId);
    const unitIds = scope.subtree.length === scope.unitCount ? 'all' as const : scope.subtree;
    const viewer: InboxViewer = { userId: coordinator.userId, unitIds, teamIds: [], isAuditor: false, isInIntegrityTeam: false };
    captured.length = 0;
    const page = await listInboxPage(db, viewer, filters, { sort: 'due', limit: 50, now });
    const [pageQuery] = captured.splice(0);
    const counted = await countInboxByStatus(db, viewer, filters, now);
    const [countsQuery] = captured.splice(0);
    if (!pageQuery || !countsQuery) throw new Error('Kysely did not report the inbox queries');
    return { page: pageQuery, counts: countsQuery, pageIds: page.rows.map((row) => row.id), counted };
  } finally {
    await db.destroy();
  }
}

/** The query with its parameters written in, for reading (not for running). */
export function inlined(query: CapturedQuery): string {
  return query.sql.replace(/\$(\d+)/g, (_, index: string) => {
    const value = query.parameters[Number(index) - 1];
    if (value instanceof Date) return `'${value.toISOString()}'`;
    if (typeof value === 'string') return pg.escapeLiteral(value);
    if (typeof value === 'boolean' || typeof value === 'number') return String(value);
    return `'${JSON.stringify(value)}'`;
  });
}

export async function explainAnalyze(client: pg.ClientBase, query: CapturedQuery): Promise<string> {
  const { rows } = await client.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${query.sql}`, [...query.parameters]);
  return rows.map((row) => row['QUERY PLAN']).join('\n');
}

