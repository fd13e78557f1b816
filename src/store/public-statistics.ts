import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { Database } from './schema.js';

/**
 * The counts behind the public statistics page: exact, unsuppressed, never a row about one
 * complaint. app/statistics decides what of it may be published.
 *
 * Each query reads the complaints received in a window of local days through the index on
 * `received_at` and aggregates in the database. A complaint is whistleblowing when triage
 * said so or when it was filed under a whistleblowing category (triage may not have run yet).
 */

export interface StatisticsWindow {
  /** First local day, inclusive: `2025-03-01`. */
  fromDay: string;
  /** Local day after the last one, exclusive. */
  untilDay: string;
  timeZone: string;
}

export interface ComplaintVolumes {
  /** Complaints received in the window, whistleblowing reports not included. */
  total: number;
  /** Whistleblowing reports received in the window: only ever counted, never broken down. */
  whistleblowing: number;
  /** The rest by local month (`2026-02`), channel, category code (null: none) and status. */
  byMonth: Map<string, number>;
  byChannel: Map<string, number>;
  byCategory: Map<string | null, number>;
  byStatus: Map<string, number>;
}

export interface ResponseDeadlineCounts {
  /** Answered (response sent, or answered at the desk) at or before the response deadline. */
  answeredInTime: number;
  answeredLate: number;
  /** Not answered and past the deadline. */
  overdue: number;
  /** Not answered and still within the deadline, or stopped while waiting for the reporter. */
  pending: number;
}

/** How many complaints were last rated 1, 2, 3, 4 and 5 (index 0 holds the 1s). */
export type RatingCounts = [number, number, number, number, number];

function receivedWithin(window: StatisticsWindow): RawBuilder<SqlBool> {
  // Constants for the planner (the zone and days are parameters), so the index on received_at applies.
  return sql<SqlBool>`c.received_at >= (${window.fromDay}::timestamp at time zone ${window.timeZone})
    and c.received_at < (${window.untilDay}::timestamp at time zone ${window.timeZone})`;
}

const isWhistleblowing = sql<SqlBool>`(c.is_whistleblowing or coalesce(k.is_whistleblowing, false))`;

/**
 * How many complaints came in, by month, channel, category and status, in one pass: first
 * counted per combination (a few thousand groups, hashed in memory), then summed per
 * breakdown with grouping sets. Grouping sets straight over the rows sorted them all on disk.
 */
export async function countComplaintVolumes(db: Kysely<Database>, window: StatisticsWindow): Promise<ComplaintVolumes> {
  const result = await sql<{ setBits: number; month: string | null; channel: string | null; categoryCode: string | null; status: string | null; count: number; whistleblowing: number }>`
    select grouping(month, channel, category_code, status) as set_bits, month, channel, category_code, status,
           coalesce(sum(count) filter (where not is_whistleblowing), 0)::int as count,
           coalesce(sum(count) filter (where is_whistleblowing), 0)::int as whistleblowing
    from (
      select to_char(c.received_at at time zone ${window.timeZone}, 'YYYY-MM') as month, c.channel, c.category_code, c.status,
             ${isWhistleblowing} as is_whistleblowing, count(*) as count
      from complaints c
      left join categories k on k.code = c.category_code
      where ${receivedWithin(window)}
      group by 1, 2, 3, 4, 5
    ) combinations
    group by grouping sets ((), (month), (channel), (category_code), (status))
  `.execute(db);

  const volumes: ComplaintVolumes = { total: 0, whistleblowing: 0, byMonth: new Map(), byChannel: new Map(), byCategory: new Map(), byStatus: new Map() };
  for (const row of result.rows) {
    // grouping() sets a bit for each column left out of the row's set: month 8, channel 4, category 2, status 1.
    const add = <K>(map: Map<K, number>, key: K) => { if (row.count > 0) map.set(key, row.count); };
    switch (row.setBits) {
      case 0b1111: volumes.total = row.count; volumes.whistleblowing = row.whistleblowing; break;
      case 0b0111: add(volumes.byMonth, row.month ?? ''); break;
      case 0b1011: add(volumes.byChannel, row.channel ?? ''); break;
      case 0b1101: add(volumes.byCategory, row.categoryCode); break;
      case 0b1110: add(volumes.byStatus, row.status ?? ''); break;
      default: break;
    }
  }
  return volumes;
}

/**
 * Whether complaints were answered within the service level: the current round of each case's
 * response deadline, as the service-level engine keeps it in `case_deadlines` (an appeal or a
 * referral to another unit starts a new round; the clock stops while the case waits for the
 * reporter). Met means a response was sent, or the complaint was answered at the desk. A
 * deadline that ended unmet because no answer was due (rejected, withdrawn, merged, referred
 * outside, closed for want of the reporter's answer) is not counted.
 */
export async function countResponseDeadlines(db: Kysely<Database>, window: StatisticsWindow, now: Date): Promise<ResponseDeadlineCounts> {
  const result = await sql<ResponseDeadlineCounts>`
    select count(*) filter (where d.met_at <= d.due_at)::int as answered_in_time,
           count(*) filter (where d.met_at > d.due_at)::int as answered_late,
           count(*) filter (where d.met_at is null and d.ended_at is null and d.paused_at is null and d.due_at <= ${now})::int as overdue,
           count(*) filter (where d.met_at is null and d.ended_at is null and (d.paused_at is not null or d.due_at > ${now}))::int as pending
    from complaints c
    left join categories k on k.code = c.category_code
    join case_deadlines d on d.complaint_id = c.id and d.kind = 'response'
    where ${receivedWithin(window)} and not ${isWhistleblowing}
  `.execute(db);
  const row = result.rows[0];
  if (row === undefined) throw new Error('an aggregate query returned no row');
  return row;
}

/**
 * The reporters' ratings, the latest per complaint. Only a complaint that was answered, now or
 * in an earlier round (its response deadline met, or a later round begun), can have one, so
 * only those have their events read: the CASE runs the subquery for them alone.
 */
export async function countRatings(db: Kysely<Database>, window: StatisticsWindow): Promise<RatingCounts> {
  const result = await sql<{ rating: number | null; count: number }>`
    select rating, count(*)::int as count
    from (
      select case when d.met_at is not null or d.cycle > 1 then (
               select (e.data ->> 'rating')::int from case_events e
               where e.complaint_id = c.id and e.type = 'reporter.rated'
               order by e.sequence desc limit 1
             ) end as rating
      from complaints c
      left join categories k on k.code = c.category_code
      join case_deadlines d on d.complaint_id = c.id and d.kind = 'response'
      where ${receivedWithin(window)} and not ${isWhistleblowing}
    ) rated
    group by rating
  `.execute(db);
  const counts: RatingCounts = [0, 0, 0, 0, 0];
  // Complaints without a rating make the null group. (A filter on the rating here would be
  // pushed into the join and run the subquery once more per row.)
  for (const row of result.rows) if (row.rating !== null && row.rating >= 1 && row.rating <= 5) counts[row.rating - 1] = row.count;
  return counts;
}

/** When the first complaint came in (the index on received_at answers it), or null. */
export async function findFirstReceivedAt(db: Kysely<Database>): Promise<Date | null> {
  const row = await db.selectFrom('complaints').select((eb) => eb.fn.min('receivedAt').as('first')).executeTakeFirst();
  return row?.first ?? null;
}

export interface CategoryName {
  code: string;
  nameId: string;
  nameEn: string;
}

/** Every category's names, retired ones included: old complaints still carry them. */
export async function listCategoryNames(db: Kysely<Database>): Promise<CategoryName[]> {
  return db.selectFrom('categories').select(['code', 'nameId', 'nameEn']).orderBy('code').execute();
}
