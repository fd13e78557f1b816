import PgBoss from 'pg-boss';
import type pg from 'pg';
import type { AppDeps } from '../app/deps.js';
import type { OutboxSenders } from '../app/notifications/outbox-sender.js';
import { defaultOutboxSenders, defaultRelaySettings, relayOutbox, type RelayReport, type RelaySettings } from '../app/notifications/relay-outbox.js';
import { defaultTimeZone } from '../domain/service-level/working-calendar.js';
import { defaultJobQueueSchema } from '../store/job-queue-failures.js';
import { caseFollowUpJob } from './case-follow-up.js';
import { deadlineSweepJob } from './deadline-sweep.js';
import { outageLog } from './outage-log.js';
import { hasDoneAnything, outboxRelayJob } from './outbox-relay.js';
import type { ScheduledJob } from './scheduled-job.js';
import type { WorkerLog } from './worker-log.js';

export type { WorkerLog } from './worker-log.js';

export interface WorkerOptions {
  deps: AppDeps;
  /** The database's pg connection settings (OpenDatabase.connection): pg-boss keeps its own small pool there. */
  connection: pg.PoolConfig;
  /** OpenDatabase.exclusivePool: on the embedded database pg-boss must share the app's one connection. */
  exclusivePool?: pg.Pool | undefined;
  log: WorkerLog;
  /** pg-boss's schema; tests on a shared PostgreSQL give each file its own. */
  bossSchema?: string;
  relay?: RelaySettings;
  /** One sender per channel the outbox delivers by (mail unless told otherwise); channel adapters that send are registered here. */
  outboxSenders?: OutboxSenders;
  /** How often this process relays the outbox on its own; 0 turns the local interval off (tests drive it). */
  relayIntervalMs?: number;
  /** How often pg-boss looks for due jobs and cron slots; small in tests. */
  pollingIntervalSeconds?: number;
  cronMonitorIntervalSeconds?: number;
  /** Extra scheduled jobs. */
  jobs?: ScheduledJob[];
  /** The deadline sweep and the case follow-up (on unless false; tests of the relay alone turn them off). */
  serviceLevelJobs?: boolean;
}

export interface RunningWorker {
  boss: PgBoss;
  /** Queue names, for sending a job by hand. */
  jobNames: string[];
  /** Relays the outbox now, in this process (what the local interval does). */
  relayNow(): Promise<RelayReport>;
  /** Stops the interval, lets running jobs finish, and closes pg-boss's pool; call before the database closes. */
  stop(): Promise<void>;
}

export const defaultBossSchema = defaultJobQueueSchema;

/** pg-boss's connection to the database the app uses (a URL on PostgreSQL, the private socket on PGlite), in a small pool of its own. */
export function jobQueueConnection(connection: pg.PoolConfig, schema: string): PgBoss.ConstructorOptions {
  const { connectionString, host, port, user, password, database, ssl, options: pgOptions } = connection;
  return {
    ...(connectionString !== undefined ? { connectionString } : {}),
    ...(host !== undefined ? { host } : {}),
    ...(port !== undefined ? { port } : {}),
    ...(user !== undefined ? { user } : {}),
    ...(typeof password === 'string' ? { password } : {}),
    ...(database !== undefined ? { database } : {}),
    ...(ssl !== undefined ? { ssl } : {}),
    // The app's connection class (it gives up connecting in time) and keep-alive, for pg-boss's pool too.
    ...(connection.Client !== undefined ? { Client: connection.Client } : {}),
    ...(connection.keepAlive !== undefined ? { keepAlive: connection.keepAlive, keepAliveInitialDelayMillis: connection.keepAliveInitialDelayMillis } : {}),
    // Passed through to pg.Pool like the rest: keeps a test's search_path on pg-boss's connections too.
    ...(pgOptions !== undefined ? { options: pgOptions } : {}),
    max: 3,
    schema,
    application_name: 'aduan-worker',
  };
}

/** pg-boss's own pool on PostgreSQL; on the embedded database, the app's one connection. */
export function jobQueueOptions(connection: pg.PoolConfig, exclusivePool: pg.Pool | undefined, schema: string): PgBoss.ConstructorOptions {
  if (exclusivePool === undefined) return jobQueueConnection(connection, schema);
  return { db: { executeSql: (text: string, values: unknown[]) => exclusivePool.query(text, values) }, schema };
}

export const jobTimeZone = defaultTimeZone;

/**
 * The worker: a durable job queue (pg-boss, in its own schema of the same database) that
 * runs each scheduled job once per slot across all nodes, with retries and back-off, plus
 * this process's own short outbox interval. Safe to run in several processes on PostgreSQL.
 */
export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  const { deps, log } = options;
  const outage = outageLog(log);
  const relaySettings = options.relay ?? defaultRelaySettings;
  const senders = options.outboxSenders ?? defaultOutboxSenders;
  const jobs: ScheduledJob[] = [
    outboxRelayJob(deps, relaySettings, senders),
    ...(options.serviceLevelJobs === false ? [] : [deadlineSweepJob(deps), caseFollowUpJob(deps)]),
    ...(options.jobs ?? []),
  ];
  const bossOptions: PgBoss.ConstructorOptions = {
    ...jobQueueOptions(options.connection, options.exclusivePool, options.bossSchema ?? defaultBossSchema),
    ...(options.cronMonitorIntervalSeconds !== undefined ? { cronMonitorIntervalSeconds: options.cronMonitorIntervalSeconds, clockMonitorIntervalSeconds: options.cronMonitorIntervalSeconds } : {}),
  };
  // Several nodes starting at once on a new database race to create pg-boss's schema and
  // queues, and PostgreSQL may answer one of them "deadlock detected": that one tries again.
  const boss = await retryingRaces(async () => {
    const candidate = new PgBoss(bossOptions);
    // pg-boss reports here what fails in its own loops (polling, maintenance, cron), which
    // keep running and try again; a lost database is one outage, not a line per poll.
    candidate.on('error', (error) => outage.failed(error, {}, 'job queue error'));
    try {
      await candidate.start();
      return candidate;
    } catch (error) {
      // A failed start leaves the instance unusable: close its pool and start a new one.
      await candidate.stop({ graceful: false, close: true }).catch(() => undefined);
      throw error;
    }
  });

  for (const job of jobs) {
    // singleton: at most one run of a job is active at a time across every worker process.
    await retryingRaces(async () => {
      if ((await boss.getQueue(job.name)) === null) {
        await boss.createQueue(job.name, { name: job.name, policy: 'singleton', retryLimit: 5, retryDelay: 30, retryBackoff: true, expireInSeconds: 15 * 60 });
      }
    });
    await retryingRaces(() => boss.schedule(job.name, job.cron, {}, { tz: jobTimeZone }));
    await boss.work(job.name, { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 }, async (batch) => {
      for (const queued of batch) {
        let result: unknown;
        try {
          result = await job.run();
        } catch (error) {
          // pg-boss records the failure and retries the job later, with back-off.
          outage.failed(error, { job: job.name, jobId: queued.id }, 'job failed; it will be retried');
          throw error;
        }
        outage.reached();
        if (job.isWorthLogging?.(result) ?? true) log.info({ job: job.name, jobId: queued.id, result }, 'job done');
      }
    });
  }

  let running: Promise<RelayReport> | undefined;
  const relayNow = (): Promise<RelayReport> => {
    // One local run at a time; a tick that finds one still running waits for it instead.
    running ??= relayOutbox(deps, relaySettings, senders).finally(() => {
      running = undefined;
    });
    return running;
  };
  const intervalMs = options.relayIntervalMs ?? 5000;
  let timer: NodeJS.Timeout | undefined;
  let stopping = false;
  let failuresInARow = 0;
  const tick = () => {
    timer = undefined;
    relayNow()
      .then((report) => {
        failuresInARow = 0;
        outage.reached();
        if (hasDoneAnything(report)) log.info({ job: 'outbox-relay', result: report }, 'outbox relayed');
      })
      .catch((error: unknown) => {
        failuresInARow += 1;
        outage.failed(error, { job: 'outbox-relay' }, 'outbox relay failed; will try again');
      })
      .finally(() => {
        if (!stopping) timer = setTimeout(tick, relayDelayMs(intervalMs, failuresInARow));
      });
  };
  if (intervalMs > 0) timer = setTimeout(tick, 0);

  return {
    boss,
    jobNames: jobs.map((job) => job.name),
    relayNow,
    stop: async () => {
      stopping = true;
      clearTimeout(timer);
      await running?.catch(() => undefined);
      await boss.stop({ graceful: true, wait: true, timeout: 5_000, close: true });
    },
  };
}

/** The longest the local relay waits between failed runs. */
export const maxRelayBackoffMs = 20_000;

/**
 * The wait before the next local relay run: the interval, doubled after each failure in a
 * row (a database that is down or restarting is not asked again every few seconds by every
 * node), never longer than {@link maxRelayBackoffMs} so that mail resumes soon after it returns.
 */
export function relayDelayMs(intervalMs: number, failuresInARow: number): number {
  if (failuresInARow === 0) return intervalMs;
  return Math.max(intervalMs, Math.min(intervalMs * 2 ** failuresInARow, maxRelayBackoffMs));
}

/** deadlock_detected, unique_violation, duplicate_table, duplicate_object, serialization_failure */
const raceCodes = new Set(['40P01', '23505', '42P07', '42710', '40001']);

async function retryingRaces<T>(step: () => Promise<T>, attempts = 6): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await step();
    } catch (error) {
      const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
      if (attempt >= attempts || typeof code !== 'string' || !raceCodes.has(code)) throw error;
      // Jitter, so the racers do not meet again at the same moment.
      await new Promise((resolveDelay) => setTimeout(resolveDelay, 50 * attempt + Math.floor(Math.random() * 150)));
    }
  }
}
