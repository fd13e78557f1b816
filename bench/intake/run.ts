// npm run bench:intake — see BENCHMARKS.md for what this measures and how to read it.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { Cleanup } from '../support/cleanup.js';
import { repoRoot, type RunningServer } from '../support/child-process.js';
import { busyShare, otherProcessesCores, postgresBackends, processSnapshot } from '../support/machine-load.js';
import { envNumber, type PhaseResult } from '../support/stats.js';
import {
  checkPostgres, defaultPostgresUrl, embeddedBenchDatabase, postgresBenchDatabase, type BenchDatabase, type BenchDatabaseKind,
} from './databases.js';
import { runHttpLoad, warmUp, type HttpLoadOptions } from './http-load.js';
import { rawLookups, rawSubmissions } from './raw-writes.js';
import { renderReport, type DatabaseMeasurements, type Measurements, type RunInfo } from './report.js';
import { startAppServer, startBareServer } from './start-server.js';
import { complaintJson, type TrackingPair } from './workload.js';

const seconds = envNumber('BENCH_SECONDS', 10);
const warmupSeconds = process.env.BENCH_WARMUP_SECONDS === '0' ? 0 : envNumber('BENCH_WARMUP_SECONDS', 2);
const adminUrl = process.env.BENCH_DATABASE_URL?.trim() || defaultPostgresUrl;
const kinds = (process.env.BENCH_DATABASES ?? 'embedded,postgresql').split(',').map((kind) => kind.trim()) as BenchDatabaseKind[];
const serverNodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter((arg) => arg !== '');
const trackSeed = Math.round(envNumber('BENCH_TRACK_SEED', 200));
const clientCounts = [1, 10];
const trackConnections = 10;

for (const kind of kinds) {
  if (kind !== 'embedded' && kind !== 'postgresql') throw new Error(`BENCH_DATABASES: unknown "${kind}" (embedded, postgresql)`);
}

const cleanup = new Cleanup();
cleanup.onSignals();

/** The PostgreSQL database the current phases use, so that its backends count as ours. */
let currentPostgresDatabase: string | undefined;

/** Runs one measured phase and notes how much CPU other processes took meanwhile. */
async function watched<T>(phase: () => Promise<T>, resultOf: (value: T) => PhaseResult): Promise<T> {
  const before = await processSnapshot();
  const value = await phase();
  const result = resultOf(value);
  const after = await processSnapshot();
  const backends = await postgresBackends(adminUrl);
  result.otherCores = otherProcessesCores(before, after, result.seconds, { backends, ourDatabase: currentPostgresDatabase });
  return value;
}

function show(name: string, result: PhaseResult): void {
  const flags = result.non2xx + result.errors > 0 ? `  non-2xx ${result.non2xx}, errors ${result.errors}` : '';
  console.log(`  ${name.padEnd(44)} ${Math.round(result.rate).toString().padStart(7)}/s  p50 ${result.p50Ms.toFixed(2).padStart(6)} ms  ` +
    `p99 ${result.p99Ms.toFixed(2).padStart(6)} ms  (n=${result.count}, other processes ${result.otherCores?.toFixed(2) ?? '?'} CPU)${flags}`);
}

async function measureHttp(name: string, options: Omit<HttpLoadOptions, 'seconds'>, server?: RunningServer): Promise<PhaseResult> {
  await warmUp({ ...options, seconds: warmupSeconds }, warmupSeconds);
  const result = await watched(() => runHttpLoad({ ...options, seconds }), (value) => value);
  show(name, result);
  if (server && result.non2xx > 0) await explainFailure(server, options);
  return result;
}

/** Sends one more request the same way and prints what came back, with the server's last output. */
async function explainFailure(server: RunningServer, options: Omit<HttpLoadOptions, 'seconds'>): Promise<void> {
  const request = typeof options.body === 'string' ? { body: options.body, headers: {} } : options.body();
  const response = await fetch(options.url, { method: 'POST', headers: { 'content-type': 'application/json', ...request.headers }, body: request.body });
  console.error(`    a sample answer: ${response.status} ${(await response.text()).slice(0, 500)}`);
  const output = server.output().trim();
  if (output) console.error(`    the server's last output:\n${output.split('\n').slice(-15).map((line) => `      ${line}`).join('\n')}`);
}

async function submitForTracking(server: RunningServer, count: number): Promise<TrackingPair[]> {
  const pairs: TrackingPair[] = [];
  for (let index = 0; index < count; index++) {
    const response = await fetch(`${server.url}/api/v1/complaints`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: complaintJson });
    const body = (await response.json()) as Partial<TrackingPair>;
    if (response.status !== 201 || !body.registerNumber || !body.trackingCode) throw new Error(`seeding a complaint answered ${response.status}: ${JSON.stringify(body)}`);
    pairs.push({ registerNumber: body.registerNumber, trackingCode: body.trackingCode });
  }
  return pairs;
}

/** A valid pair per request, cycling; a different client address each time (see start-server.ts). */
function trackingBodies(pairs: TrackingPair[]): HttpLoadOptions['body'] {
  let next = 0;
  return () => {
    const index = next++;
    const pair = pairs[index % pairs.length];
    return {
      body: JSON.stringify(pair),
      headers: { 'x-forwarded-for': `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}` },
    };
  };
}

/**
 * App and raw phases alternate (app c1, raw c1, app c10, raw c10, …) so each ratio compares
 * figures taken a few seconds apart, under the same background load.
 */
async function benchDatabase(database: BenchDatabase): Promise<DatabaseMeasurements> {
  const measured: DatabaseMeasurements = { appSubmit: new Map(), rawSubmit: new Map(), rawAppSequence: new Map(), appTrack: undefined, rawLookup: undefined, rawTrack: undefined };
  currentPostgresDatabase = database.postgresName;
  console.log(`\n${database.kind}: starting the server (src/main.ts)…`);
  const server = await startAppServer({
    dataDir: database.serverDataDir, databaseUrl: database.serverDatabaseUrl, secretKey: randomBytes(32).toString('base64'), nodeArgs: serverNodeArgs,
  });
  const stopServer = cleanup.defer('stop the app server', () => server.stop());
  console.log(`  server pid ${server.pid} at ${server.url}`);
  // On PostgreSQL the very same database the server uses; embedded: a second data dir of
  // the same kind in this process (the server holds the lock on its own). Idle while the
  // server is measured.
  const raw = await database.openRaw();
  try {
    let hashes: Buffer[] = [];
    for (const connections of clientCounts) {
      measured.appSubmit.set(connections, await measureHttp(`app submit, ${connections} client(s)`, {
        url: `${server.url}/api/v1/complaints`, connections, body: complaintJson,
      }, server));
      const options = { connection: raw.connection, concurrency: connections };
      if (warmupSeconds > 0) await rawSubmissions({ ...options, sequence: 'minimal', seconds: warmupSeconds });
      const written = await watched(() => rawSubmissions({ ...options, sequence: 'minimal', seconds }), (value) => value.result);
      show(`raw submit tx (minimal), ${connections} connection(s)`, written.result);
      measured.rawSubmit.set(connections, written.result);
      if (hashes.length === 0) hashes = written.hashes;
      const asApp = await watched(() => rawSubmissions({ ...options, sequence: 'app', seconds }), (value) => value.result);
      show(`raw submit tx (app's 8), ${connections} connection(s)`, asApp.result);
      measured.rawAppSequence.set(connections, asApp.result);
    }

    const pairs = await submitForTracking(server, trackSeed);
    measured.appTrack = await measureHttp(`app track, ${trackConnections} clients (${pairs.length} pairs)`, {
      url: `${server.url}/api/v1/track`, connections: trackConnections, body: trackingBodies(pairs),
    }, server);
    const lookupOptions = { connection: raw.connection, concurrency: trackConnections, hashes };
    if (warmupSeconds > 0) await rawLookups({ ...lookupOptions, queries: 'lookup', seconds: warmupSeconds });
    measured.rawLookup = await watched(() => rawLookups({ ...lookupOptions, queries: 'lookup', seconds }), (value) => value);
    show(`raw point lookup, ${trackConnections} connections`, measured.rawLookup);
    measured.rawTrack = await watched(() => rawLookups({ ...lookupOptions, queries: 'track', seconds }), (value) => value);
    show(`raw track (3 queries), ${trackConnections} connections`, measured.rawTrack);
  } finally {
    await raw.close();
    await stopServer();
  }
  return measured;
}

async function benchBare(): Promise<Map<number, PhaseResult>> {
  console.log('\nbare Fastify: starting bench/intake/bare-server.ts…');
  const server = await startBareServer();
  const stop = cleanup.defer('stop the bare server', () => server.stop());
  const results = new Map<number, PhaseResult>();
  for (const connections of clientCounts) {
    results.set(connections, await measureHttp(`bare POST /, ${connections} client(s)`, { url: `${server.url}/`, connections, body: complaintJson }));
  }
  await stop();
  return results;
}

async function versions(): Promise<string> {
  const pglite = JSON.parse(await readFile(join(repoRoot, 'node_modules/@electric-sql/pglite/package.json'), 'utf8')) as { version: string };
  const parts = [`Node ${process.version}`, `PGlite ${pglite.version}`];
  if (kinds.includes('postgresql')) {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    const { rows } = await client.query<{ server_version: string; synchronous_commit: string }>(
      'select current_setting(\'server_version\') as server_version, current_setting(\'synchronous_commit\') as synchronous_commit',
    );
    await client.end();
    parts.push(`PostgreSQL ${rows[0]?.server_version ?? '?'} (synchronous_commit=${rows[0]?.synchronous_commit ?? '?'})`);
  }
  return parts.join(', ');
}

/** Which code was measured: the commit, and whether src/ had uncommitted changes. */
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
  if (kinds.includes('postgresql')) await checkPostgres(adminUrl);
  const busyBefore = await busyShare(2000);
  const info: RunInfo = {
    date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    command: [...Object.entries(process.env).filter(([name]) => name.startsWith('BENCH_') && name !== 'BENCH_OUTPUT').map(([name, value]) => `${name}=${value}`), 'npm run bench:intake'].join(' '),
    machine: `${availableParallelism()} CPUs (${cpus()[0]?.model.trim() ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GiB`,
    seconds, warmupSeconds, trackConnections,
    versions: `${await versions()}; ${sourceState()}`,
    busyBefore, cpus: availableParallelism(),
  };
  console.log(`Aduan intake benchmark: ${info.machine}; ${info.versions}; ${seconds} s per phase`);
  if (busyBefore !== undefined && busyBefore > 0.2) {
    console.warn(`  warning: the CPUs were ${Math.round(busyBefore * 100)}% busy before the run started; other processes will skew the figures`);
  }
  const measured: Measurements = { bare: await benchBare(), databases: new Map() };
  for (const kind of kinds) {
    const database = kind === 'embedded' ? await embeddedBenchDatabase(cleanup) : await postgresBenchDatabase(adminUrl, cleanup);
    measured.databases.set(kind, await benchDatabase(database));
  }
  const report = renderReport(info, measured);
  console.log(`\n${report}\n`);
  if (process.env.BENCH_OUTPUT) await writeFile(process.env.BENCH_OUTPUT, `${report}\n`);

  const appPhases = [...measured.databases.values()].flatMap((results) => [...results.appSubmit.values(), results.appTrack]);
  if (appPhases.some((result) => result === undefined || result.non2xx > 0 || result.errors > 0)) {
    console.error('Some app requests failed (non-2xx or errors): the figures above are not valid.');
    process.exitCode = 1;
  }
}

try {
  await main();
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await cleanup.runAll();
}
