// npm run bench:deadlines [-- --reseed] [-- --in-process-only] — see BENCHMARKS.md, "Deadlines (bench/deadlines)".
//
// (a) Plans the deadlines of 100,000 generated cases in this process, as the app does on every
//     change (fold the events, choose the policy, work out due, "due soon" and reminder times on
//     the unit's working calendar, flag overdue), beside the bare due-date arithmetic.
// (b) Seeds (or reuses) a PostgreSQL database with 1,000,000 complaints and their 3,000,000
//     deadlines, and times the escalation job's overdue scan (and the reminder scan) through
//     the app's own store functions beside the very SQL they send, run with `pg`, with the plans.
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { CamelCasePlugin, Kysely, PostgresDialect, type CompiledQuery } from 'kysely';
import pg from 'pg';
import { findBreachedDeadlines, findDueReminders } from '../../src/store/case-deadlines.js';
import type { Database } from '../../src/store/schema.js';
import { summarize, type Summary } from '../inbox/report.js';
import { checkPostgres, defaultPostgresUrl } from '../intake/databases.js';
import { envNumber } from '../support/stats.js';
import { runInProcess } from './in-process.js';
import { databaseUrlFor, existingSeed, seed, type DeadlineSeedInfo } from './seed.js';

const args = new Set(process.argv.slice(2));
for (const arg of args) if (arg !== '--reseed' && arg !== '--in-process-only') throw new Error(`unknown argument ${arg} (--reseed, --in-process-only)`);
const adminUrl = process.env.BENCH_DATABASE_URL?.trim() || defaultPostgresUrl;
const databaseName = process.env.BENCH_DEADLINES_DATABASE?.trim() || 'aduan_bench_deadlines';
const caseCount = Math.round(envNumber('BENCH_CASES', 100_000));
const rounds = Math.round(envNumber('BENCH_ROUNDS', 5));
const complaintCount = Math.round(envNumber('BENCH_COMPLAINTS', 1_000_000));
const queries = Math.round(envNumber('BENCH_QUERIES', 200));
const warmup = Math.round(envNumber('BENCH_WARMUP', 20));
const log = (line: string) => console.log(line);
const f = (ms: number) => ms.toFixed(2);

function machine(): string {
  const [one, five] = loadavg();
  return `${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; load average ${one?.toFixed(1)} (1 min), ${five?.toFixed(1)} (5 min) at start; Node ${process.version}`;
}

function inProcess(): void {
  log(`\n(a) planning the deadlines of ${caseCount.toLocaleString('en')} cases in-process, ${rounds} rounds after a warm-up`);
  const cpuBefore = process.cpuUsage();
  const result = runInProcess(caseCount, rounds);
  const cpu = process.cpuUsage(cpuBefore);
  const plan = summarize(result.planMs);
  const raw = summarize(result.rawMs);
  const best = Math.min(...result.planMs);
  log(`  ${result.deadlines.toLocaleString('en')} deadlines planned per round (3 per case), ${result.overdue.toLocaleString('en')} cases overdue`);
  log(`  plan (fold + policy + due, due soon, 50%/80% reminders + overdue): median ${f(plan.p50)} ms, best ${f(best)} ms, worst ${f(plan.max)} ms  → ${best < 1000 ? 'under' : 'OVER'} 1 s`);
  log(`  raw limit (one bare due date per case)                          : median ${f(raw.p50)} ms, best ${f(Math.min(...result.rawMs))} ms`);
  log(`  plan ÷ raw (medians) = ${(plan.p50 / raw.p50).toFixed(2)}x; process CPU time over warm-up + rounds: ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms`);
}

interface ScanResult {
  name: string;
  rows: number;
  app: Summary;
  raw: Summary;
  plan: string;
  sql: string;
}

/** Times `work` through the app's store function and the same SQL straight through `pg`, and explains it. */
async function scan(name: string, db: Kysely<Database>, captured: CompiledQuery[], client: pg.Client, work: () => Promise<unknown[]>): Promise<ScanResult> {
  captured.length = 0;
  const rows = (await work()).length;
  const query = captured.at(-1);
  if (query === undefined) throw new Error('Kysely did not report the query');
  const app: number[] = [];
  const raw: number[] = [];
  for (let round = -warmup; round < queries; round++) {
    let started = performance.now();
    await work();
    const appMs = performance.now() - started;
    started = performance.now();
    const answer = await client.query(query.sql, [...query.parameters]);
    const rawMs = performance.now() - started;
    if (answer.rows.length !== rows) throw new Error(`${name}: the raw SQL answered ${answer.rows.length} rows, the app ${rows}`);
    if (round < 0) continue;
    app.push(appMs);
    raw.push(rawMs);
  }
  const explained = await client.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${query.sql}`, [...query.parameters]);
  const result = { name, rows, app: summarize(app), raw: summarize(raw), plan: explained.rows.map((row) => row['QUERY PLAN']).join('\n'), sql: query.sql };
  log(`\n${name}  (${rows} rows)`);
  log(`  app (store function via Kysely): p50 ${f(result.app.p50)}  p95 ${f(result.app.p95)}  max ${f(result.app.max)} ms`);
  log(`  raw SQL via pg                 : p50 ${f(result.raw.p50)}  p95 ${f(result.raw.p95)}  max ${f(result.raw.max)} ms`);
  log(`  app p95 ÷ raw p95 = ${(result.app.p95 / result.raw.p95).toFixed(2)}x; ${result.app.p95 < 100 ? 'under' : 'OVER'} the 100 ms target`);
  log(`  SQL: ${query.sql.replace(/\s+/g, ' ')}`);
  log(`  plan:\n${result.plan.replace(/^/gm, '    ')}`);
  return result;
}

async function onPostgres(): Promise<void> {
  await checkPostgres(adminUrl);
  let info: DeadlineSeedInfo | undefined = args.has('--reseed') ? undefined : await existingSeed(adminUrl, databaseName, complaintCount);
  if (info) {
    log(`\n(b) reusing ${databaseName}: ${info.complaints.toLocaleString('en')} complaints, ${info.deadlines.toLocaleString('en')} deadlines, seeded ${info.seededAt} (--reseed to start over)`);
  } else {
    log(`\n(b) seeding ${databaseName} with ${complaintCount.toLocaleString('en')} complaints and their deadlines…`);
    info = await seed(adminUrl, databaseName, complaintCount, log);
    log(`  seeded in ${info.seedSeconds} s: ${info.deadlines.toLocaleString('en')} deadlines`);
  }
  const url = databaseUrlFor(adminUrl, databaseName);
  const captured: CompiledQuery[] = [];
  // Configured as src/store/database.ts configures the app's (pg Pool, CamelCasePlugin), recording each query.
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 2 }) }),
    plugins: [new CamelCasePlugin()],
    log: (event) => {
      if (event.level === 'query') captured.push(event.query);
    },
  });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const sizes = await client.query<{ name: string; size: string; rows: string }>(`
      select c.relname as name, pg_size_pretty(pg_relation_size(c.oid)) as size, c.reltuples::bigint as rows
      from pg_class c where c.relname in ('case_deadlines', 'case_deadlines_pkey', 'case_deadlines_breach_idx', 'case_deadlines_reminder_idx') order by c.relname`);
    log(`  relations: ${sizes.rows.map((row) => `${row.name} ${row.size} (~${Number(row.rows).toLocaleString('en')} rows)`).join('; ')}`);
    const now = new Date(info.now);
    const later = new Date(now.getTime() + 3 * 86_400_000);
    await scan('escalation scan: breached, unescalated deadlines (as the job runs each minute)', db, captured, client, () => findBreachedDeadlines(db, now, 100));
    await scan('escalation scan after a three-day outage of every worker (the backlog is far larger)', db, captured, client, () => findBreachedDeadlines(db, later, 100));
    await scan('reminder scan: reminders due within the next hour', db, captured, client, () => findDueReminders(db, new Date(now.getTime() + 3_600_000), 100));
  } finally {
    await client.end();
    await db.destroy();
  }
}

async function main(): Promise<void> {
  log(`bench/deadlines — ${new Date().toISOString()}\n  ${machine()}`);
  inProcess();
  if (!args.has('--in-process-only')) await onPostgres();
  log(`\n  load average at the end: ${loadavg().map((value) => value.toFixed(1)).join(', ')} (this machine's 2 cores are shared with other work)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
