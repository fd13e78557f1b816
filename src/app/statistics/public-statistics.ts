import type { PublishedCount } from '../../domain/statistics/small-count-suppression.js';
import type { PublicStatusGroup } from './public-status-group.js';
import type { MonthKey, StatisticsPeriod } from './statistics-period.js';

export interface PublishedRow<Key> {
  key: Key;
  count: PublishedCount;
}

/** One breakdown of a published total. Withheld: nothing of it could be shown safely, not even which rows there are. */
export interface PublishedBreakdownOf<Key> {
  rows: PublishedRow<Key>[];
  isWithheld: boolean;
}

export interface CategoryKey {
  /** null: complaints filed without a category. */
  code: string | null;
  nameId: string | null;
  nameEn: string | null;
}

export type Rating = 1 | 2 | 3 | 4 | 5;

/** What the public statistics page may show: aggregates only, small counts already suppressed. */
export interface PublicStatistics {
  period: StatisticsPeriod;
  /** Years a visitor may choose, newest first. */
  years: number[];
  timeZone: string;
  /** Complaints received in the period, whistleblowing reports not included. Every breakdown adds up to it. */
  total: PublishedCount;
  /** Whistleblowing reports received in the period: this one number and nothing more about them. */
  whistleblowing: PublishedCount;
  byMonth: PublishedBreakdownOf<MonthKey>;
  /** Only channels, categories and status groups with complaints; the largest shown first. */
  byChannel: PublishedBreakdownOf<string>;
  byCategory: PublishedBreakdownOf<CategoryKey>;
  byStatus: PublishedBreakdownOf<PublicStatusGroup>;
  serviceLevel: {
    /** Complaints answered, or past their deadline without an answer: the ones that can be judged. */
    assessed: PublishedCount;
    breakdown: PublishedBreakdownOf<'in_time' | 'late' | 'overdue'>;
    /** Answered in time, of those assessed (0–1); null when it cannot be shown. */
    shareInTime: number | null;
    /** Not yet answered and still within their deadline: not judged yet. */
    pending: PublishedCount;
  };
  satisfaction: {
    ratings: PublishedCount;
    distribution: PublishedBreakdownOf<Rating>;
    /** Null unless every rating count is shown: with hidden ones, the average would give them away. */
    average: number | null;
  };
}
