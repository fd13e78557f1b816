// npx tsx bench/inbox/run.ts [--reseed] — see BENCHMARKS.md, "Inbox (bench/inbox)".
//
// Seeds (or reuses) a PostgreSQL database with 1,000,000 complaints, starts the real server
// (src/main.ts) as a separate process on it, and times GET /api/v1/complaints for a filtered
// inbox and for full-text searches beside the very SQL Kysely generates for them, run with `pg`.
import { execFileSync } from 'node:child_process';
import http from 'node:http';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { isComplaintStatus, type ComplaintStatus } from '../../src/domain/complaint/complaint-status.js';
import type { InboxFilters } from '../../src/store/inbox.js';
import { checkPostgres, defaultPostgresUrl } from '../intake/databases.js';
import { repoRoot, startNodeServer, type RunningServer } from '../support/child-process.js';
import { Cleanup } from '../support/cleanup.js';
import { envNumber } from '../support/stats.js';
import { captureInboxSql, explainAnalyze, inlined, type CapturedQuery } from './queries.js';
import { renderReport, summarize, verdict, type RunInfo, type ScenarioResult } from './report.js';
import { benchPassword, databaseUrlFor, existingSeed, seed, seedVocabulary, type SeedInfo } from './seed.js';

const args = new Set(process.argv.slice(2));
for (const arg of args) if (arg !== '--reseed') throw new Error(`unknown argument ${arg} (only --reseed)`);
const adminUrl = process.env.BENCH_DATABASE_URL?.trim() || defaultPostgresUrl;
const databaseName = process.env.BENCH_INBOX_DATABASE?.trim() || 'aduan_bench_inbox';
const complaintCount = Math.round(envNumber('BENCH_COMPLAINTS', 1_000_000));
const requests = Math.round(envNumber('BENCH_REQUESTS', 200));
const warmup = Math.round(envNumber('BENCH_WARMUP', 20));
const inboxStatus = benchInboxStatus(process.env.BENCH_INBOX_STATUS?.trim() || 'in_progress');
function benchInboxStatus(status: string): ComplaintStatus {
  if (!isComplaintStatus(status)) throw new Error(`BENCH_INBOX_STATUS: ${status} is not a complaint status`);
  return status;
}
// Fixed so a reused database accepts the server (it records the key's fingerprint on first start).
const benchSecretKey = 'aduan-bench-inbox-not-a-secret-0123456789abcdef';

const cleanup = new Cleanup();
cleanup.onSignals();
const log = (line: string) => console.log(line);

interface Scenario {
  name: string;
  targetMs: number;
  coordinator: { userId: number; unitId: number; authorization: string };
  query: Record<string, string>;
  filters: InboxFilters;
}

async function signIn(server: RunningServer, email: string): Promise<string> {
  const response = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: benchPassword }),
  });
  const body = (await response.json()) as { token?: string; totpEnrolmentRequired?: boolean };
  if (response.status !== 200 || !body.token || body.totpEnrolmentRequired) throw new Error(`sign-in of ${email} answered ${response.status}: ${JSON.stringify(body)}`);
  return `Bearer ${body.token}`;
}

/** A word in about 1% of the complaints: common enough to page, rare enough to be a real search. */
async function midFrequencyWord(pool: pg.Pool, total: number): Promise<{ word: string; documents: number }> {
  const vocabulary = seedVocabulary();
  const target = total / 100;
  let best: { word: string; documents: number } | undefined;
  for (const rank of [150, 200, 260, 330, 420, 550, 700, 900]) {
    const word = vocabulary[rank];
    if (!word) continue;
    const { rows } = await pool.query<{ n: string }>('select count(*) as n from complaints where search @@ to_tsquery(\'simple\', $1)', [word]);
    const documents = Number(rows[0]?.n ?? 0);
    if (!best || Math.abs(Math.log(documents / target)) < Math.abs(Math.log(best.documents / target))) best = { word, documents };
  }
  if (!best) throw new Error('no search word');
  return best;
}

// The timed requests go through node:http with a kept-alive connection, as a busy client's
// would: fetch() costs ~0.4 ms more per request at p50 on this machine (~0.9 ms at p95), all of
// it in this process, which is no part of the app's latency.
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

function getJson(url: string, headers: Record<string, string>): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    http.get(url, { agent, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        try {
          resolve({ status: response.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
      response.on('error', reject);
    }).on('error', reject);
  });
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

async function runScenario(server: RunningServer, databaseUrl: string, raw: [pg.Client, pg.Client], scenario: Scenario): Promise<ScenarioResult> {
  const path = `/api/v1/complaints?${new URLSearchParams(scenario.query).toString()}`;
  const url = `${server.url}${path}`;
  const headers = { authorization: scenario.coordinator.authorization };
  const captured = await captureInboxSql(databaseUrl, scenario.coordinator, scenario.filters, new Date());

  // The app must answer what the captured SQL answers, or the comparison means nothing.
  const first = await fetch(url, { headers });
  const body = (await first.json()) as { items?: { id: string }[]; countsByStatus?: Record<string, number> };
  if (first.status !== 200 || !body.items) throw new Error(`${path} answered ${first.status}: ${JSON.stringify(body).slice(0, 500)}\n${server.output()}`);
  const ids = body.items.map((item) => item.id);
  if (JSON.stringify(ids) !== JSON.stringify(captured.pageIds) || JSON.stringify(body.countsByStatus) !== JSON.stringify(captured.counted)) {
    throw new Error(`${scenario.name}: the app's answer differs from the captured SQL's`);
  }
  const total = Object.values(captured.counted).reduce((sum, count) => sum + count, 0);
  const matched = `${ids.length} items on the page; ${total.toLocaleString('en')} visible matches over ${Object.keys(captured.counted).length} statuses`;

  const [a, b] = raw;
  const run = (client: pg.Client, query: CapturedQuery) => client.query(query.sql, [...query.parameters]);
  const app: number[] = [];
  const rawPage: number[] = [];
  const rawCounts: number[] = [];
  const rawBoth: number[] = [];
  for (let round = -warmup; round < requests; round++) {
    const appMs = await timed(async () => {
      const response = await getJson(url, headers);
      if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
    });
    const pageMs = await timed(() => run(a, captured.page));
    const countsMs = await timed(() => run(a, captured.counts));
    const bothMs = await timed(() => Promise.all([run(a, captured.page), run(b, captured.counts)]));
    if (round < 0) continue;
    app.push(appMs);
    rawPage.push(pageMs);
    rawCounts.push(countsMs);
    rawBoth.push(bothMs);
  }
  const result: ScenarioResult = {
    name: scenario.name, request: `GET ${path}`, targetMs: scenario.targetMs, matched,
    app: summarize(app), rawPage: summarize(rawPage), rawCounts: summarize(rawCounts), rawBoth: summarize(rawBoth),
    pagePlan: await explainAnalyze(a, captured.page), countsPlan: await explainAnalyze(a, captured.counts),
    pageSql: inlined(captured.page), countsSql: inlined(captured.counts),
  };
  const f = (value: number) => value.toFixed(2).padStart(7);
  log(`\n${scenario.name}  (${matched})`);
  log(`  app  GET ${path}: p50 ${f(result.app.p50)}  p95 ${f(result.app.p95)}  p99 ${f(result.app.p99)} ms`);
  log(`  raw page query          : p50 ${f(result.rawPage.p50)}  p95 ${f(result.rawPage.p95)} ms`);
  log(`  raw counts query        : p50 ${f(result.rawCounts.p50)}  p95 ${f(result.rawCounts.p95)} ms`);
  log(`  raw page ∥ counts       : p50 ${f(result.rawBoth.p50)}  p95 ${f(result.rawBoth.p95)} ms`);
  log(`  app p95 ÷ raw p95 = ${(result.app.p95 / result.rawBoth.p95).toFixed(2)}x   ${verdict(result).replace(/\*/g, '')}`);
  log(`  page plan:\n${result.pagePlan.replace(/^/gm, '    ')}`);
  log(`  counts plan:\n${result.countsPlan.replace(/^/gm, '    ')}`);
  return result;
}

function sourceState(): string {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src'], { cwd: repoRoot, encoding: 'utf8' }).trim() !== '';
    return `commit ${commit}${dirty ? ' + uncommitted changes in src/' : ''}`;
  } catch {
    return 'commit unknown';
  }
}

async function main(): Promise<void> {
  await checkPostgres(adminUrl);
  let info: SeedInfo | undefined = args.has('--reseed') ? undefined : await existingSeed(adminUrl, databaseName, complaintCount);
  if (info) {
    log(`reusing ${databaseName} (${info.complaints.toLocaleString('en')} complaints seeded ${info.seededAt}; --reseed to start over)`);
  } else {
    log(`seeding ${databaseName} with ${complaintCount.toLocaleString('en')} complaints…`);
    info = await seed(adminUrl, databaseName, complaintCount, log);
    log(`  seeded in ${info.seedSeconds} s`);
  }
  const databaseUrl = databaseUrlFor(adminUrl, databaseName);

  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  cleanup.defer('close the pool', () => pool.end());
  const { rows: facts } = await pool.query<{ version: string; size: string; section_rows: string; section_status_rows: string }>(
    `select current_setting('server_version') as version, pg_size_pretty(pg_total_relation_size('complaints')) as size,
       (select count(*) from complaints where unit_id = $1) as section_rows,
       (select count(*) from complaints where unit_id = $1 and status = $2) as section_status_rows`, [info.sectionId, inboxStatus]);
  const fact = facts[0];
  const { rows: indexRows } = await pool.query<{ indexname: string }>(
    'select indexname from pg_indexes where schemaname = \'public\' and tablename = \'complaints\' order by indexname');
  const indexNames = indexRows.map((row) => row.indexname).join(', ');
  const { word, documents } = await midFrequencyWord(pool, info.complaints);
  const { rows: users } = await pool.query<{ id: string; email: string; unit_id: string }>(
    'select id, email, unit_id from users where email = any($1::text[])', [[info.sectionCoordinatorEmail, info.rootCoordinatorEmail]]);
  const userOf = (email: string) => {
    const user = users.find((row) => row.email === email);
    if (!user) throw new Error(`no user ${email}`);
    return { userId: Number(user.id), unitId: Number(user.unit_id) };
  };

  const dataDir = await mkdtemp(join(tmpdir(), 'aduan-bench-inbox-'));
  cleanup.defer(`remove ${dataDir}`, () => rm(dataDir, { recursive: true, force: true }));
  log('starting the server (src/main.ts)…');
  const server = await startNodeServer({
    script: 'src/main.ts', healthPath: '/healthz',
    // e.g. BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to see where the app's time goes.
    nodeArgs: process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [],
    env: { DATABASE_URL: databaseUrl, DATA_DIR: dataDir, LOG_LEVEL: 'warn', ADUAN_SECRET_KEY: benchSecretKey, ...(process.env.BENCH_WORKER ? { WORKER: process.env.BENCH_WORKER } : {}) },
  });
  const stopServer = cleanup.defer('stop the app server', () => server.stop());
  cleanup.defer('close the kept-alive HTTP connection', async () => agent.destroy());
  log(`  server pid ${server.pid} at ${server.url}`);

  const section = { ...userOf(info.sectionCoordinatorEmail), authorization: await signIn(server, info.sectionCoordinatorEmail) };
  const root = { ...userOf(info.rootCoordinatorEmail), authorization: await signIn(server, info.rootCoordinatorEmail) };
  const scenarios: Scenario[] = [
    {
      name: `Inbox: section, status ${inboxStatus}`, targetMs: 50, coordinator: section,
      query: { unitId: String(info.sectionId), status: inboxStatus, sort: 'due', limit: '50' },
      filters: { status: [inboxStatus], unitId: info.sectionId },
    },
    {
      name: `Search "${word}": section`, targetMs: 100, coordinator: section,
      query: { q: word, sort: 'due', limit: '50' }, filters: { text: word },
    },
    {
      name: `Search "${word}": agency-wide (root coordinator)`, targetMs: 100, coordinator: root,
      query: { q: word, sort: 'due', limit: '50' }, filters: { text: word },
    },
  ];

  const raw: [pg.Client, pg.Client] = [new pg.Client({ connectionString: databaseUrl }), new pg.Client({ connectionString: databaseUrl })];
  for (const client of raw) {
    await client.connect();
    cleanup.defer('close a raw connection', () => client.end());
  }
  const results: ScenarioResult[] = [];
  for (const scenario of scenarios) results.push(await runScenario(server, databaseUrl, raw, scenario));
  await stopServer();

  const runInfo: RunInfo = {
    date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    command: [...Object.entries(process.env).filter(([name]) => name.startsWith('BENCH_')).map(([name, value]) => `${name}=${value}`),
      'npx tsx bench/inbox/run.ts', ...args].join(' '),
    machine: `nproc ${availableParallelism()} (${cpus()[0]?.model.trim() ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GiB`,
    versions: `Node ${process.version}, PostgreSQL ${fact?.version ?? '?'} (default settings: shared_buffers 128MB); ${sourceState()}`,
    data: `${info.complaints.toLocaleString('en')} complaints (${fact?.size ?? '?'} with indexes), seeded ${info.seededAt.slice(0, 10)} in ${info.seedSeconds} s; ` +
      `the busiest section (unit ${info.sectionId}) holds ${Number(fact?.section_rows ?? 0).toLocaleString('en')}, ` +
      `${Number(fact?.section_status_rows ?? 0).toLocaleString('en')} of them ${inboxStatus}; "${word}" occurs in ${documents.toLocaleString('en')} complaints; ` +
      `indexes on complaints: ${indexNames}`,
    requests, warmup,
  };
  const report = renderReport(runInfo, results);
  console.log(`\n${report}\n`);
  if (process.env.BENCH_OUTPUT) await writeFile(process.env.BENCH_OUTPUT, `${report}\n`);
}

try {
  await main();
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await cleanup.runAll();
}
