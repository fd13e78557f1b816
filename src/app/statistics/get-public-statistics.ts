import type { Kysely } from 'kysely';
import { channels } from '../../domain/complaint/channel.js';
import { countComplaintVolumes, countRatings, countResponseDeadlines, findFirstReceivedAt, listCategoryNames, type CategoryName } from '../../store/public-statistics.js';
import type { Database } from '../../store/schema.js';
import { findRootUnit } from '../../store/units.js';
import type { AppDeps } from '../deps.js';
import { publicStatusGroupOf, publicStatusGroups, type PublicStatusGroup } from './public-status-group.js';
import { publishCount, suppressBreakdown } from '../../domain/statistics/small-count-suppression.js';
import { availableYears, monthIn, monthKey, resolvePeriod, type PeriodChoice } from './statistics-period.js';
import type { CategoryKey, PublicStatistics, PublishedBreakdownOf, PublishedRow } from './public-statistics.js';

const cacheMs = 60_000;

/**
 * The public statistics for a period, or undefined when the period has no ended month or
 * lies before the first complaint. Computed at most once a minute per process and period
 * (a province's millions of cases make the queries take seconds); callers arriving while it
 * is computed wait for the same result.
 */
export async function getPublicStatistics(deps: AppDeps, choice: PeriodChoice): Promise<PublicStatistics | undefined> {
  const now = deps.clock.now();
  const rootUnit = await findRootUnit(deps.db);
  const current = monthIn(now, rootUnit.timeZone);
  const key = `${choice.kind === 'year' ? choice.year : 'last-12'}|${monthKey(current)}|${rootUnit.timeZone}`;
  const cache = deps.caches.publicStatistics;
  const cached = cache.get(key);
  if (cached !== undefined && cached.expiresAt > now.getTime()) return cached.statistics;
  for (const [staleKey, entry] of cache) if (entry.expiresAt <= now.getTime()) cache.delete(staleKey);
  const statistics = computeStatistics(deps.db, choice, rootUnit.timeZone, now);
  cache.set(key, { expiresAt: now.getTime() + cacheMs, statistics });
  // A failure is not kept: the next visitor tries again.
  statistics.catch(() => {
    if (cache.get(key)?.statistics === statistics) cache.delete(key);
  });
  return statistics;
}

async function computeStatistics(db: Kysely<Database>, choice: PeriodChoice, timeZone: string, now: Date): Promise<PublicStatistics | undefined> {
  const current = monthIn(now, timeZone);
  const firstReceivedAt = await findFirstReceivedAt(db);
  const earliest = firstReceivedAt === null ? null : monthIn(firstReceivedAt, timeZone);
  const period = resolvePeriod(choice, current, earliest);
  if (period === undefined) return undefined;
  const window = { fromDay: period.fromDay, untilDay: period.untilDay, timeZone };
  const volumes = await countComplaintVolumes(db, window);
  const deadlines = await countResponseDeadlines(db, window, now);
  const ratings = await countRatings(db, window);
  const categories = await listCategoryNames(db);

  const statusCounts = new Map<PublicStatusGroup, number>();
  for (const [status, count] of volumes.byStatus) {
    const group = publicStatusGroupOf(status);
    statusCounts.set(group, (statusCounts.get(group) ?? 0) + count);
  }
  const channelOrder = (channel: string) => {
    const index = (channels as readonly string[]).indexOf(channel);
    return index === -1 ? channels.length : index;
  };

  const served = [deadlines.answeredInTime, deadlines.answeredLate, deadlines.overdue];
  const assessed = served.reduce((sum, count) => sum + count, 0);
  const serviceLevel = published(['in_time', 'late', 'overdue'] as const, served);
  const inTime = serviceLevel.rows[0]?.count;
  const ratingTotal = ratings.reduce((sum, count) => sum + count, 0);
  const distribution = published([1, 2, 3, 4, 5] as const, ratings);
  const isEveryRatingShown = ratingTotal >= 5 && distribution.rows.every((row) => row.count.kind === 'count');

  return {
    period,
    years: availableYears(current, earliest),
    timeZone,
    total: publishCount(volumes.total),
    whistleblowing: publishCount(volumes.whistleblowing),
    byMonth: published(period.months, period.months.map((month) => volumes.byMonth.get(month) ?? 0)),
    byChannel: largestFirst(publishedOf([...volumes.byChannel.keys()].sort((a, b) => channelOrder(a) - channelOrder(b)), volumes.byChannel)),
    byCategory: largestFirst(categoryBreakdown(volumes.byCategory, categories)),
    byStatus: publishedOf(publicStatusGroups.filter((group) => statusCounts.has(group)), statusCounts),
    serviceLevel: {
      assessed: publishCount(assessed),
      breakdown: serviceLevel,
      shareInTime: assessed >= 5 && inTime?.kind === 'count' ? inTime.value / assessed : null,
      pending: publishCount(deadlines.pending),
    },
    satisfaction: {
      ratings: publishCount(ratingTotal),
      distribution,
      average: isEveryRatingShown ? ratings.reduce((sum, count, index) => sum + count * (index + 1), 0) / ratingTotal : null,
    },
  };
}

function published<Key>(keys: readonly Key[], counts: readonly number[]): PublishedBreakdownOf<Key> {
  const suppressed = suppressBreakdown(counts);
  if (suppressed.isWithheld) return { rows: [], isWithheld: true };
  return { rows: keys.map((key, index) => ({ key, count: suppressed.cells[index] ?? { kind: 'hidden' } })), isWithheld: false };
}

function publishedOf<Key>(keys: readonly Key[], counts: ReadonlyMap<Key, number>): PublishedBreakdownOf<Key> {
  return published(keys, keys.map((key) => counts.get(key) ?? 0));
}

function categoryBreakdown(counts: ReadonlyMap<string | null, number>, categories: readonly CategoryName[]): PublishedBreakdownOf<CategoryKey> {
  const names = new Map(categories.map((category) => [category.code, category]));
  const keys = [...counts.keys()].sort((a, b) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b)));
  return published(
    keys.map((code) => ({ code, nameId: code === null ? null : names.get(code)?.nameId ?? code, nameEn: code === null ? null : names.get(code)?.nameEn ?? code })),
    keys.map((code) => counts.get(code) ?? 0),
  );
}

/**
 * The shown counts from the largest down, then the suppressed ones in their original order.
 * Sorting suppressed rows by their true counts would tell how they compare.
 */
function largestFirst<Key>(breakdown: PublishedBreakdownOf<Key>): PublishedBreakdownOf<Key> {
  const shown = breakdown.rows.filter((row) => row.count.kind === 'count');
  const suppressed = breakdown.rows.filter((row) => row.count.kind !== 'count');
  const value = (row: PublishedRow<Key>) => (row.count.kind === 'count' ? row.count.value : 0);
  return { ...breakdown, rows: [...shown.sort((a, b) => value(b) - value(a)), ...suppressed] };
}
