import type { RateLimiterMemory } from 'rate-limiter-flexible';
import type { StaffActor } from '../domain/access/policy.js';
import type { Locale } from '../i18n/locale.js';
import type { InboxScope } from '../store/inbox-scope.js';
import type { ServiceLevels } from './service-levels/current-service-levels.js';
import type { PublicStatistics } from './statistics/public-statistics.js';

/** The charts the statistics page draws, each as SVG (src/http/web/pages/statistics). */
export type StatisticsChartName = 'months' | 'channels' | 'categories' | 'statuses' | 'serviceLevel' | 'satisfaction';

/**
 * Everything the app keeps in memory between requests, in one place: built once per process
 * with its dependencies (compose-deps.ts), so each app a test starts has its own and nothing
 * lives in a module. Each entry says how it stays right when the database changes under it.
 */
export interface Caches {
  /** Each viewer unit's place in the unit tree; valid while the organisation version (migration 0011) is unchanged. */
  inboxScopes: Map<number, InboxScope>;
  /** Holidays, policies and settings as last read; valid while the service-level version (migration 0018) is unchanged. */
  serviceLevels: ServiceLevels | undefined;
  /** The public statistics per period, month and zone, kept a minute. */
  publicStatistics: Map<string, { expiresAt: number; statistics: Promise<PublicStatistics | undefined> }>;
  /** The statistics page's charts per language, drawn once per statistics result and dropped with it. */
  statisticsCharts: WeakMap<PublicStatistics, Map<Locale, Readonly<Record<StatisticsChartName, string>>>>;
  /**
   * Wrong tracking-code guesses per client address in the last 15 minutes, shared by the API
   * and the tracking page; one counter per limit (the servers' `trackingFailuresPer15Min`).
   */
  trackingFailures: Map<number, RateLimiterMemory>;
  /** The person each staff token stood for at its last lookup, by a hash of the token; checked again on every request. */
  staffActors: Map<string, StaffActor>;
}

export function createCaches(): Caches {
  return {
    inboxScopes: new Map(),
    serviceLevels: undefined,
    publicStatistics: new Map(),
    statisticsCharts: new WeakMap(),
    trackingFailures: new Map(),
    staffActors: new Map(),
  };
}
