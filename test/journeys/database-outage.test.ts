// A black-box journey on PostgreSQL: the real server (with its worker inside) and a worker
// process beside it (`npm run worker`) while their database goes away. Backends are
// terminated under load, the cluster restarts under load, then stops for ten seconds. Both
// must stay up; the server must answer 503 with Retry-After (a page that says so to a
// browser) while the database is gone, and everything must recover without a restart.
// The cluster is a private one: the shared server the other test files use is never touched.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { findPostgresBin, privatePostgresMissing, startPrivatePostgres, type PrivatePostgres } from '../support/private-postgres.js';
import { acknowledgementOf, submit, track, type Answer } from '../support/server-process-api.js';
import { delay, describeExit, jsonLines, makeDataDir, makeJourneyDir, spawnServer, startServer, type ServerProcess } from '../support/server-process.js';

const postgresBin = findPostgresBin();
const skip = !process.env.TEST_DATABASE_URL
  ? 'runs with the PostgreSQL suite (TEST_DATABASE_URL set): it starts a private PostgreSQL cluster to break'
  : privatePostgresMissing() ?? false;

interface LoadTally {
  acknowledged: number;
  /** 503 answers that were problem+json with Retry-After, as they must be. */
  unavailable: number;
  /** Anything else: a 500, a 503 without its header, a dropped connection. */
  wrong: string[];
}

/** What a 503 must be: problem+json, code server.unavailable, Retry-After in seconds. */
function unavailableProblem(answer: Answer): string | undefined {
  const body = answer.body as { code?: unknown } | undefined;
  if (answer.status !== 503) return `status ${answer.status}: ${JSON.stringify(answer.body).slice(0, 300)}`;
  if (!/^application\/problem\+json/.test(answer.headers.get('content-type') ?? '')) return `503 as ${answer.headers.get('content-type')}`;
  if (answer.headers.get('retry-after') !== '5') return `503 with Retry-After ${answer.headers.get('retry-after')}`;
  if (body?.code !== 'server.unavailable') return `503 with code ${String(body?.code)}`;
  return undefined;
}

/**
 * Six clients submit one complaint after another; `disrupt` runs once `before` of them were
 * acknowledged, and the load goes on until `afterwards` more were. Bounded in time and count.
 */
async function underLoad(url: string, disrupt: () => Promise<void>, counts = { before: 10, afterwards: 10 }): Promise<LoadTally> {
  const tally: LoadTally = { acknowledged: 0, unavailable: 0, wrong: [] };
  const deadline = Date.now() + 25_000;
  let requests = 0;
  let disrupted: number | undefined;
  let disruption: Promise<void> | undefined;
  const client = async () => {
    while (Date.now() < deadline && requests < 600 && !(disrupted !== undefined && tally.acknowledged >= disrupted + counts.afterwards)) {
      requests += 1;
      try {
        const answer = await submit(url);
        if (answer.status === 201) tally.acknowledged += 1;
        else {
          const wrong = unavailableProblem(answer);
          if (wrong) tally.wrong.push(wrong);
          else tally.unavailable += 1;
          await delay(100);
        }
      } catch (error) {
        tally.wrong.push(`no answer: ${error instanceof Error ? error.message : String(error)}`);
        await delay(100);
      }
      if (disruption === undefined && tally.acknowledged >= counts.before) {
        disruption = disrupt().then(() => {
          disrupted = tally.acknowledged;
        });
      }
    }
  };
  await Promise.all(Array.from({ length: 6 }, client));
  await disruption;
  assert.ok(disrupted !== undefined, `the load never reached the disruption (${JSON.stringify(tally)})`);
  return tally;
}

/** Polls `probe` every 250 ms until it answers true; fails after `timeoutMs`. */
async function eventually(what: string, timeoutMs: number, probe: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms: ${what}`);
    await delay(250);
  }
}

const messages = (server: ServerProcess) => jsonLines(server.lines).map((line) => String(line.msg));

describe('The server while its PostgreSQL goes away', { skip, timeout: 150_000 }, () => {
  let cluster: PrivatePostgres | undefined;
  let journey: Awaited<ReturnType<typeof makeJourneyDir>> | undefined;
  let server: ServerProcess | undefined;
  let worker: ServerProcess | undefined;

  before(async () => {
    assert.ok(postgresBin);
    cluster = await startPrivatePostgres(postgresBin);
    journey = await makeJourneyDir('aduan-outage-');
    const env = { DATABASE_URL: cluster.url, ADUAN_SECRET_KEY: 'outage-journey-secret-key-of-forty-characters', TMPDIR: journey.tmp };
    // Both at once, as nodes start: migrations are safe from several processes.
    const [serverDir, workerDir] = [await makeDataDir(journey.root), await makeDataDir(journey.root, 'worker-data')];
    worker = await spawnServer({ dataDir: workerDir, env, entry: 'src/worker-main.ts' });
    server = await startServer({ dataDir: serverDir, env });
    await worker.waitForLine((line) => line.text.includes('"msg":"worker started"'), 60_000);
  });

  after(async () => {
    await worker?.stop();
    await server?.stop();
    await cluster?.remove();
    await journey?.remove();
  });

  it('loses at most the requests in flight when backends are terminated under load', { timeout: 40_000 }, async () => {
    assert.ok(server && cluster);
    const { url } = server;
    const running = cluster;
    let terminated = 0;
    const tally = await underLoad(url, async () => {
      terminated += await running.terminateBackends();
      await delay(300);
      terminated += await running.terminateBackends();
    });
    assert.equal(server.exit(), undefined, `the server exited\n${server.output()}`);
    assert.equal(worker?.exit(), undefined, `the worker exited\n${worker?.output()}`);
    assert.ok(terminated >= 2, `terminated ${terminated} backends`);
    assert.deepEqual(tally.wrong, [], 'every answer was 201 or a proper 503');
    assert.ok(messages(server).includes('lost a database connection; the next query opens a new one'));
    // Later requests succeed, and what was acknowledged before is there.
    const later = acknowledgementOf(await submit(url));
    assert.equal((await track(url, later)).status, 200);
  });

  it('recovers by itself from a restart of the cluster under load', { timeout: 60_000 }, async () => {
    assert.ok(server && cluster);
    const { url } = server;
    const running = cluster;
    const tally = await underLoad(url, () => running.restart());
    assert.equal(server.exit(), undefined, `the server exited\n${server.output()}`);
    assert.equal(worker?.exit(), undefined, `the worker exited\n${worker?.output()}`);
    assert.deepEqual(tally.wrong, [], 'every answer was 201 or a proper 503');
    assert.ok(tally.acknowledged >= 20, `only ${tally.acknowledged} acknowledged`);
    acknowledgementOf(await submit(url));
  });

  it('answers 503 with Retry-After while the cluster is stopped for ten seconds, and 200 again once it is back', { timeout: 60_000 }, async () => {
    assert.ok(server && cluster);
    const { url } = server;
    const pid = server.pid;
    await cluster.stop();
    const stoppedAt = Date.now();
    let asked = 0;
    while (Date.now() - stoppedAt < 10_000) {
      assert.equal(unavailableProblem(await submit(url)), undefined);
      const page = await fetch(`${url}/statistik`, { headers: { accept: 'text/html' }, signal: AbortSignal.timeout(10_000) });
      const html = await page.text();
      assert.equal(page.status, 503, html.slice(0, 300));
      assert.equal(page.headers.get('retry-after'), '5');
      assert.match(html, /Layanan sedang tidak dapat diakses/);
      assert.match(html, /Coba lagi sebentar\./);
      const health = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(10_000) });
      await health.arrayBuffer();
      assert.equal(health.status, 503);
      asked += 1;
      await delay(500);
    }
    assert.ok(asked >= 5, `asked only ${asked} times in ten seconds`);
    assert.equal(server.exit(), undefined, `the server exited while the database was down\n${server.output()}`);

    await cluster.start();
    const startedAtLine = server.lines.length;
    const workerStartedAtLine = worker?.lines.length ?? 0;
    await eventually('a submission is acknowledged again', 15_000, async () => (await submit(url)).status === 201);
    const page = await fetch(`${url}/statistik`, { signal: AbortSignal.timeout(10_000) });
    await page.arrayBuffer();
    assert.equal(page.status, 200);
    const health = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(10_000) });
    await health.arrayBuffer();
    assert.equal(health.status, 200);

    // The worker inside and the one beside lived through it, said so in a few lines, and work again.
    for (const [program, firstLine] of [[server, startedAtLine], [worker, workerStartedAtLine]] as const) {
      assert.ok(program);
      const output = program.lines;
      await program.waitForLine((line) => line.text.includes('database reachable again: the worker goes on') && output.indexOf(line) >= firstLine, 30_000);
      const unreachable = messages(program).filter((message) => message.startsWith('database unreachable') || message.startsWith('database still unreachable'));
      assert.ok(unreachable.length >= 1 && unreachable.length <= 6, `a worker reported the outages in ${unreachable.length} lines`);
      const exit = program.exit();
      assert.equal(exit, undefined, exit ? `exited (${describeExit(exit)})\n${program.output()}` : '');
    }
    assert.equal(server.pid, pid);
  });
});
