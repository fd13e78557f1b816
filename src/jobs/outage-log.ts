import { databaseErrorSummary, isDatabaseUnavailable } from '../app/database-unavailable.js';
import type { WorkerLog } from './worker-log.js';

export interface OutageLog {
  /**
   * A failure. While the database is unreachable every job, poll and relay fails, again and
   * again: that is one outage, reported when it starts and then at most once per `repeatMs`.
   * Any other failure is an error worth a line each time.
   */
  failed(error: unknown, context: object, message: string): void;
  /** Something reached the database: ends an outage, saying how long it lasted. */
  reached(): void;
  readonly down: boolean;
}

export interface OutageLogOptions {
  repeatMs?: number;
  now?: () => number;
}

/** The worker's account of database outages: a few lines per outage, not one per failed poll. */
export function outageLog(log: WorkerLog, options: OutageLogOptions = {}): OutageLog {
  const repeatMs = options.repeatMs ?? 60_000;
  const now = options.now ?? Date.now;
  let since: number | undefined;
  let lastReported = 0;
  let failures = 0;
  return {
    get down() {
      return since !== undefined;
    },
    failed(error, context, message) {
      if (!isDatabaseUnavailable(error)) {
        log.error({ ...context, err: error }, message);
        return;
      }
      failures += 1;
      const at = now();
      if (since === undefined) {
        since = lastReported = at;
        log.warn({ ...context, error: databaseErrorSummary(error) }, 'database unreachable: the worker keeps trying');
      } else if (at - lastReported >= repeatMs) {
        lastReported = at;
        log.warn({ downForSeconds: Math.round((at - since) / 1000), failures, error: databaseErrorSummary(error) }, 'database still unreachable: the worker keeps trying');
      }
    },
    reached() {
      if (since === undefined) return;
      log.info({ downForSeconds: Math.round((now() - since) / 1000), failures }, 'database reachable again: the worker goes on');
      since = undefined;
      failures = 0;
    },
  };
}
