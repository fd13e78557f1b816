import { sql, type Kysely } from 'kysely';

/**
 * The public register's copy of a published case, fixed when it is published (with the summary
 * from 0007): the answer the reporter was given, without their identity; when it was given and
 * when the case closed. The register reads only these columns and the case's category, unit and
 * dates, so nothing else of the case can reach it. Full-text search runs over summary + answer.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table complaints
      add column published_response text,
      add column published_responded_at timestamptz,
      add column published_closed_at timestamptz,
      add column published_search tsvector generated always as (
        to_tsvector('simple', coalesce(published_summary, '') || ' ' || coalesce(published_response, ''))
      ) stored;

    create index complaints_published_search_idx on complaints using gin (published_search) where published_at is not null;
    -- The category filter, newest first.
    create index complaints_published_category_idx on complaints (category_code, published_at desc, id) where published_at is not null;
  `.execute(db);
}
