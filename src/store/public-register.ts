import { sql, type Kysely, type SqlBool } from 'kysely';
import type { Database } from './schema.js';

/**
 * A published case as the public register reads it. Only these columns ever leave this module:
 * the copy fixed at publication (summary, the public answer staff wrote, the dates) and the case's
 * register number, category, unit and deadline. Nothing of the reporter, the complaint's own
 * text, notes or staff.
 */
export interface PublishedCaseRow {
  registerNumber: string;
  categoryCode: string | null;
  categoryNameId: string | null;
  categoryNameEn: string | null;
  unitName: string;
  unitTimeZone: string;
  receivedAt: Date;
  respondedAt: Date | null;
  closedAt: Date | null;
  /** When the response deadline was met, and when it was due (see `withColumns`). */
  responseMetAt: Date | null;
  responseDueAt: Date | null;
  summary: string;
  /** Empty for an entry published before public answers (its answer is not shown). */
  publicAnswer: string;
  publishedAt: Date;
}

export interface PublishedCaseFilter {
  /** Words to find in the summary or the public answer (web-search syntax: "quoted phrase", -not, or). */
  text?: string | undefined;
  categoryCode?: string | undefined;
}

/** Published and still closed: an appeal clears the publication, and the status check is a second lock on that door. */
function published(db: Kysely<Database>, filter: PublishedCaseFilter) {
  let query = db.selectFrom('complaints as c')
    .where('c.publishedAt', 'is not', null)
    .where('c.status', '=', 'closed');
  if (filter.text !== undefined) query = query.where(sql<SqlBool>`c.published_search @@ websearch_to_tsquery('simple', ${filter.text})`);
  if (filter.categoryCode !== undefined) query = query.where('c.categoryCode', '=', filter.categoryCode);
  return query;
}

/**
 * The response deadline as the service-level engine keeps it (its latest cycle: an appeal
 * restarts it, and the clock stood still while the reporter was asked for information), so the
 * register and the statistics agree. A case without that row falls back to the case's own
 * deadline and the time of the published answer.
 */
function withColumns(query: ReturnType<typeof published>) {
  return query
    .innerJoin('units as u', 'u.id', 'c.unitId')
    .leftJoin('categories as k', 'k.code', 'c.categoryCode')
    .leftJoin('caseDeadlines as d', (join) => join.onRef('d.complaintId', '=', 'c.id').on('d.kind', '=', 'response'))
    .select([
      'c.registerNumber', 'c.categoryCode', 'k.nameId as categoryNameId', 'k.nameEn as categoryNameEn',
      'u.name as unitName', 'u.timeZone as unitTimeZone', 'c.receivedAt', 'c.publishedRespondedAt as respondedAt',
      'c.publishedClosedAt as closedAt',
    ])
    .select((eb) => [
      eb.fn.coalesce('d.metAt', 'c.publishedRespondedAt').as('responseMetAt'),
      eb.fn.coalesce('d.dueAt', 'c.responseDueAt').as('responseDueAt'),
      eb.fn.coalesce('c.publishedSummary', sql<string>`''`).as('summary'),
      eb.fn.coalesce('c.publishedResponse', sql<string>`''`).as('publicAnswer'),
      sql<Date>`c.published_at`.as('publishedAt'),
    ]);
}

export async function countPublishedCases(db: Kysely<Database>, filter: PublishedCaseFilter): Promise<number> {
  const row = await published(db, filter).select((eb) => eb.fn.countAll<string>().as('count')).executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Newest publication first; ties (one transaction's clock) by id, so pages never overlap. */
export async function listPublishedCases(db: Kysely<Database>, filter: PublishedCaseFilter, page: { offset: number; limit: number }): Promise<PublishedCaseRow[]> {
  return withColumns(published(db, filter))
    .orderBy('c.publishedAt', 'desc').orderBy('c.id', 'desc')
    .offset(page.offset).limit(page.limit)
    .execute();
}

export async function findPublishedCase(db: Kysely<Database>, registerNumber: string): Promise<PublishedCaseRow | undefined> {
  return withColumns(published(db, {}).where('c.registerNumber', '=', registerNumber)).executeTakeFirst();
}

export interface PublishedCategoryRow {
  code: string;
  nameId: string;
  nameEn: string;
}

/** The categories that have published cases: a filter offers only choices that find something. */
export async function listPublishedCategories(db: Kysely<Database>): Promise<PublishedCategoryRow[]> {
  return published(db, {})
    .innerJoin('categories as k', 'k.code', 'c.categoryCode')
    .select(['k.code', 'k.nameId', 'k.nameEn'])
    .distinct()
    .orderBy('k.code')
    .execute();
}
