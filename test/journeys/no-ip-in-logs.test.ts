// A black-box journey: behind a trusted proxy the server knows each reporter's address, and
// must still never write it down, nor any tracking code. Everything the real process prints
// on stdout and stderr is read back after it stopped.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { acknowledgementOf, postJson, submit, track, type Acknowledgement, type Answer } from '../support/server-process-api.js';
import { describeExit, jsonLines, makeDataDir, makeJourneyDir, startServer, type ServerProcess } from '../support/server-process.js';

const reporterAddress = '203.0.113.77';
const viaProxy = { 'x-forwarded-for': reporterAddress };
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A well-formed tracking code that differs from `code` in its last symbol. */
function aWrongCodeFor(code: string): string {
  return code.slice(0, -1) + (code.endsWith('Z') ? 'Y' : 'Z');
}

/** The fields, at any depth, that would describe where a request came from. */
function keysNamingTheClient(value: unknown, path = ''): string[] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) => [
    ...(['ip', 'ips', 'remoteAddress', 'remotePort', 'headers', 'x-forwarded-for'].includes(key) ? [`${path}${key}`] : []),
    ...keysNamingTheClient(inner, `${path}${key}.`),
  ]);
}

describe('The logs of a server behind a proxy', { timeout: 180_000 }, () => {
  let journey: Awaited<ReturnType<typeof makeJourneyDir>> | undefined;
  let server: ServerProcess | undefined;
  let submitted: Acknowledgement | undefined;
  let wrongCode = '';
  /** What each request of the journey was, with its answer. */
  const requests: { name: string; answer: Answer }[] = [];

  before(async () => {
    journey = await makeJourneyDir('aduan-logs-');
    const dataDir = await makeDataDir(journey.root);
    server = await startServer({ dataDir, env: { TMPDIR: journey.tmp, TRUST_PROXY: 'true', LOG_LEVEL: 'info' } });

    const submission = await submit(server.url, viaProxy);
    requests.push({ name: 'submission', answer: submission });
    submitted = acknowledgementOf(submission);
    wrongCode = aWrongCodeFor(submitted.trackingCode);
    requests.push({ name: 'wrong tracking code', answer: await track(server.url, { ...submitted, trackingCode: wrongCode }, viaProxy) });
    requests.push({ name: 'right tracking code', answer: await track(server.url, submitted, viaProxy) });
    requests.push({
      name: 'right tracking code, without dashes and in lower case',
      answer: await track(server.url, { ...submitted, trackingCode: submitted.trackingCode.replaceAll('-', '').toLowerCase() }, viaProxy),
    });
    requests.push({
      name: 'tracking code in the query string',
      answer: await postJson(`${server.url}/api/v1/track?trackingCode=${submitted.trackingCode}`, { registerNumber: submitted.registerNumber, trackingCode: submitted.trackingCode }, viaProxy),
    });
    requests.push({
      name: 'malformed tracking request',
      answer: await postJson(`${server.url}/api/v1/track`, { registerNumber: submitted.registerNumber, trackingCode: submitted.trackingCode, ip: reporterAddress }, viaProxy),
    });

    const exit = await server.stop();
    assert.equal(exit.code, 0, `clean stop, not ${describeExit(exit)}\n${server.output()}`);
  });

  after(async () => {
    await server?.kill();
    await journey?.remove();
  });

  it('answers the journey as a reporter expects', () => {
    assert.deepEqual(requests.map(({ name, answer }) => `${name}: ${answer.status}`), [
      'submission: 201',
      'wrong tracking code: 404',
      'right tracking code: 200',
      'right tracking code, without dashes and in lower case: 200',
      'tracking code in the query string: 200',
      'malformed tracking request: 400',
    ]);
  });

  it('gives every answer a request id in an x-request-id header', () => {
    for (const { name, answer } of requests) assert.match(answer.headers.get('x-request-id') ?? '(none)', uuid, name);
    assert.equal(new Set(requests.map(({ answer }) => answer.headers.get('x-request-id'))).size, requests.length, 'one id per request');
  });

  it('never writes the reporter\'s address, even though it trusted the proxy that sent it', () => {
    assert.ok(server);
    const leaks = server.lines.filter((line) => line.text.includes(reporterAddress));
    assert.deepEqual(leaks, []);
  });

  it('never writes the address the requests came from either', () => {
    assert.ok(server);
    // The only line that may name 127.0.0.1 is the server's own listening address.
    const leaks = server.lines.filter((line) => line.text.includes('127.0.0.1') && !line.text.includes('"msg":"Server listening at http://127.0.0.1:'));
    assert.deepEqual(leaks, []);
    for (const entry of jsonLines(server.lines)) {
      assert.deepEqual(keysNamingTheClient(entry), [], `a log line has a field about the client: ${JSON.stringify(entry)}`);
    }
  });

  it('never writes a tracking code, with or without dashes, right or wrong', () => {
    assert.ok(server && submitted);
    const secrets = [submitted.trackingCode, submitted.trackingCode.replaceAll('-', ''), wrongCode, wrongCode.replaceAll('-', '')].map((code) => code.toLowerCase());
    const leaks = server.lines.filter((line) => secrets.some((secret) => line.text.toLowerCase().includes(secret)));
    assert.deepEqual(leaks, []);
  });

  it('writes exactly one line per request, with its request id and status', () => {
    assert.ok(server);
    const entries = jsonLines(server.lines);
    for (const { name, answer } of requests) {
      const id = answer.headers.get('x-request-id');
      const lines = entries.filter((entry) => entry.reqId === id);
      assert.equal(lines.length, 1, `${name} (${id}) has ${lines.length} log lines: ${JSON.stringify(lines)}`);
      const [line] = lines;
      assert.equal(line?.statusCode, answer.status, `${name}: ${JSON.stringify(line)}`);
      assert.equal(line?.method, 'POST', name);
      assert.ok(typeof line?.path === 'string' && !line.path.includes('?'), `${name}: the path is logged without its query string: ${JSON.stringify(line)}`);
    }
    // And no line carries a request id that is not one request's single line.
    const ids = entries.flatMap((entry) => (typeof entry.reqId === 'string' ? [entry.reqId] : []));
    assert.equal(new Set(ids).size, ids.length, 'no request id appears on two lines');
  });
});
