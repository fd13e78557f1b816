// A black-box journey on the embedded database: one data directory, one process. A second
// server on the same directory must give up at once and say why; a clean stop must free it.
import assert from 'node:assert/strict';
import { symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  acknowledgementOf, aComplaintBody, postJsonWithoutKeepAlive, submit, track, type Acknowledgement, type Answer,
} from '../support/server-process-api.js';
import {
  describeExit, makeDataDir, makeJourneyDir, spawnServer, startServer, within, type ServerProcess,
} from '../support/server-process.js';

type Journey = Awaited<ReturnType<typeof makeJourneyDir>>;

/**
 * Sends `count` submissions at once and SIGTERMs the server as soon as the first is answered,
 * so that the others are being handled while it shuts down. Returns the exit, how long the
 * shutdown took, and every answer (or the network error instead).
 */
async function stopDuringSubmissions(
  server: ServerProcess, count: number, send: () => Promise<Answer>,
): Promise<{ exit: Awaited<ReturnType<ServerProcess['stop']>>; seconds: number; answers: (Answer | Error)[] }> {
  let firstAnswered: () => void = () => undefined;
  const answeredOnce = new Promise<void>((resolveFirst) => {
    firstAnswered = resolveFirst;
  });
  const pending = Array.from({ length: count }, () => send().then(
    (answer) => {
      firstAnswered();
      return answer;
    },
    (error: unknown) => {
      firstAnswered();
      return error instanceof Error ? error : new Error(String(error));
    },
  ));
  await within(answeredOnce, 15_000);
  const signalled = Date.now();
  const exit = await server.stop(30_000);
  const seconds = (Date.now() - signalled) / 1000;
  return { exit, seconds, answers: await Promise.all(pending) };
}

function describeAnswers(answers: readonly (Answer | Error)[]): string {
  return answers.map((answer) => (answer instanceof Error ? `error: ${answer.message}` : String(answer.status))).join(', ');
}

describe('Two servers on one embedded data directory', { timeout: 300_000 }, () => {
  let journey: Journey | undefined;
  let dataDir = '';
  let first: ServerProcess | undefined;
  /** The server currently running on dataDir after the first one stopped. */
  let current: ServerProcess | undefined;
  const others: ServerProcess[] = [];
  const acknowledged: Acknowledgement[] = [];

  const restart = async (): Promise<ServerProcess> => {
    assert.ok(journey);
    const server = await startServer({ dataDir, env: { TMPDIR: journey.tmp } });
    others.push(server);
    assert.ok(!server.output().includes('Another Aduan process'), server.output());
    return server;
  };

  const trackAll = async (server: ServerProcess) => {
    for (const pair of acknowledged) {
      const answer = await track(server.url, pair);
      assert.equal(answer.status, 200, `${pair.registerNumber} after the restart: ${answer.status} ${JSON.stringify(answer.body)}`);
    }
  };

  before(async () => {
    journey = await makeJourneyDir('aduan-lock-');
    dataDir = await makeDataDir(journey.root);
    first = await startServer({ dataDir, env: { TMPDIR: journey.tmp } });
  });

  after(async () => {
    await first?.kill();
    for (const other of others) await other.kill();
    await journey?.remove();
  });

  it('refuses to start a second server on the same data directory, quickly and saying why', { timeout: 60_000 }, async (t) => {
    assert.ok(first && journey);
    const startedAt = Date.now();
    const second = await spawnServer({ dataDir, env: { TMPDIR: journey.tmp } });
    others.push(second);
    const exit = await within(second.exited, 30_000);
    const seconds = (Date.now() - startedAt) / 1000;

    assert.ok(exit, `the second server was still running after 30 s\n${second.output()}`);
    assert.ok(exit.code !== null && exit.code !== 0, `the second server exits with an error code, not ${describeExit(exit)}`);
    const stderr = second.stderr().join('\n');
    assert.match(stderr, /Another Aduan process/, second.output());
    assert.ok(stderr.includes(dataDir), `the message names the data directory ${dataDir}:\n${stderr}`);
    assert.ok(stderr.includes(`pid ${first.pid}`), `the message names the process holding it (pid ${first.pid}):\n${stderr}`);
    assert.ok(!second.stdout().some((line) => line.includes('Server listening')), 'the second server never listened');
    // The lock is taken before PGlite starts: the refusal costs little more than loading the code.
    t.diagnostic(`refused after ${seconds} s with exit code ${exit.code}`);
    assert.ok(seconds < 20, `refused in ${seconds} s`);
  });

  it('keeps the first server serving after the second one was refused', { timeout: 30_000 }, async () => {
    assert.ok(first);
    const health = await fetch(`${first.url}/healthz`, { signal: AbortSignal.timeout(5000) });
    assert.equal(health.status, 200);
    const pair = acknowledgementOf(await submit(first.url));
    acknowledged.push(pair);
    assert.equal((await track(first.url, pair)).status, 200);
  });

  it('stops on SIGTERM with exit code 0 after closing the database', { timeout: 60_000 }, async () => {
    assert.ok(first);
    const startedAt = Date.now();
    const exit = await first.stop(30_000);
    const seconds = (Date.now() - startedAt) / 1000;
    assert.equal(exit.code, 0, `clean exit, not ${describeExit(exit)}\n${first.output()}`);
    const stdout = first.stdout().join('\n');
    assert.match(stdout, /shutting down: draining requests/);
    assert.match(stdout, /"msg":"stopped"/, 'it logs "stopped" once the database is closed');
    assert.ok(seconds < 10, `stopped in ${seconds} s`);
  });

  it('lets a new server start on the same data directory after a clean stop, with the complaints still there', { timeout: 90_000 }, async () => {
    current = await restart();
    await trackAll(current);
  });

  it('finishes the submissions in flight on SIGTERM before it exits with code 0', { timeout: 90_000 }, async () => {
    assert.ok(current);
    const server = current;
    const { exit, seconds, answers } = await stopDuringSubmissions(server, 8, () => postJsonWithoutKeepAlive(`${server.url}/api/v1/complaints`, aComplaintBody()));
    assert.equal(exit.code, 0, `clean exit, not ${describeExit(exit)}\n${server.output()}`);
    assert.match(server.stdout().join('\n'), /"msg":"stopped"/);
    assert.ok(seconds < 10, `stopped in ${seconds} s`);
    // Each submission is either finished (201) or turned away as the server closes (503);
    // none is cut off half-way, and none fails because the database closed under it.
    for (const answer of answers) {
      assert.ok(!(answer instanceof Error) && (answer.status === 201 || answer.status === 503), `answers during shutdown: ${describeAnswers(answers)}`);
      if (answer.status === 201) acknowledged.push(acknowledgementOf(answer));
    }
    assert.ok(answers.filter((answer) => !(answer instanceof Error) && answer.status === 201).length >= 2,
      `some submissions were finished after the signal: ${describeAnswers(answers)}`);
  });

  it('keeps every complaint it answered during the shutdown', { timeout: 90_000 }, async () => {
    current = await restart();
    await trackAll(current);
  });

  it('exits promptly with code 0 on SIGTERM even when clients keep their connections alive', {
    timeout: 90_000,
  }, async () => {
    assert.ok(current);
    const server = current;
    const { exit, seconds, answers } = await stopDuringSubmissions(server, 6, () => submit(server.url));
    for (const answer of answers) if (!(answer instanceof Error) && answer.status === 201) acknowledged.push(acknowledgementOf(answer));
    assert.equal(exit.code, 0, `clean exit after ${seconds} s, not ${describeExit(exit)}\n${server.stdout().slice(-3).join('\n')}`);
    assert.ok(seconds < 5, `stopped in ${seconds} s`);
  });

  it('keeps every complaint answered while it stopped, however it stopped', { timeout: 90_000 }, async () => {
    current = await restart();
    await trackAll(current);
    const exit = await current.stop();
    assert.ok(exit.code !== null, describeExit(exit));
  });
});

describe('A second server reaching a data directory in use through a symbolic link', { timeout: 180_000 }, () => {
  let journey: Journey | undefined;
  let dataDir = '';
  let first: ServerProcess | undefined;
  let second: ServerProcess | undefined;

  before(async () => {
    journey = await makeJourneyDir('aduan-lock-link-');
    dataDir = await makeDataDir(journey.root);
    first = await startServer({ dataDir, env: { TMPDIR: journey.tmp } });
  });

  after(async () => {
    await second?.kill();
    await first?.kill();
    await journey?.remove();
  });

  it('is refused like one given the same path', {
    timeout: 90_000,
  }, async () => {
    assert.ok(journey);
    const link = join(journey.root, 'data-link');
    await symlink(dataDir, link);
    const started = await spawnServer({ dataDir: link, env: { TMPDIR: journey.tmp } });
    second = started;
    // Either it is refused (exits), or it listens: then two PGlites share one directory.
    const listening = await started.waitForLine((line) => line.text.includes('Server listening'), 30_000).then(() => true, () => false);
    const exit = started.exit() ?? (await within(started.exited, 1000));
    assert.ok(!listening && exit && exit.code !== 0, `a second server ran on ${dataDir} through the link ${link}\n${started.output()}`);
    assert.match(started.stderr().join('\n'), /Another Aduan process/, started.output());
  });
});
