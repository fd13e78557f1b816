// A black-box journey on the embedded database: the real server is killed with kill -9 in
// the middle of submissions, and nothing it acknowledged may be lost or numbered twice.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  acknowledgementOf, mapConcurrently, parseRegister, registerNumberOf, submit, track, type Acknowledgement,
} from '../support/server-process-api.js';
import { describeExit, makeDataDir, makeJourneyDir, startServer, within, type ServerProcess } from '../support/server-process.js';

describe('A server killed with kill -9 in the middle of submissions', { timeout: 240_000 }, () => {
  let journey: Awaited<ReturnType<typeof makeJourneyDir>> | undefined;
  let dataDir = '';
  let first: ServerProcess | undefined;
  let restarted: ServerProcess | undefined;
  /** Every complaint a server answered 201 for, in both phases. */
  const acknowledged: Acknowledgement[] = [];
  let year = 0;
  /** Submissions that got no answer at all because of the crash: each may or may not have been committed. */
  let unanswered = 0;

  before(async () => {
    journey = await makeJourneyDir('aduan-crash-');
    dataDir = await makeDataDir(journey.root);
    first = await startServer({ dataDir, env: { TMPDIR: journey.tmp } });
  });

  after(async () => {
    await first?.kill();
    await restarted?.kill();
    await journey?.remove();
  });

  it('acknowledges thirty anonymous complaints sent at the same time', { timeout: 60_000 }, async () => {
    assert.ok(first);
    const server = first;
    const answers = await mapConcurrently(Array.from({ length: 30 }), 10, () => submit(server.url));
    const pairs = answers.map(acknowledgementOf);
    acknowledged.push(...pairs);
    const numbers = pairs.map((pair) => parseRegister(pair.registerNumber));
    year = numbers[0]?.year ?? 0;
    assert.ok(numbers.every((number) => number.year === year), 'all in one register year');
    assert.deepEqual(numbers.map((number) => number.sequence).sort((a, b) => a - b), Array.from({ length: 30 }, (_, index) => index + 1));
  });

  it('is killed with kill -9 while more submissions are in flight', { timeout: 60_000 }, async (t) => {
    assert.ok(first);
    const server = first;
    let killed = false;
    let inFlight = 0;
    let acknowledgedInPhase = 0;
    const otherAnswers: string[] = [];
    let wakeKiller: () => void = () => undefined;
    const enoughAcknowledged = new Promise<void>((resolveEnough) => {
      wakeKiller = resolveEnough;
    });

    // Eight clients keep submitting, each one request at a time, until the server is gone.
    const client = async () => {
      while (!killed) {
        inFlight++;
        try {
          const answer = await submit(server.url);
          if (answer.status === 201) {
            acknowledged.push(acknowledgementOf(answer));
            if (++acknowledgedInPhase >= 12) wakeKiller();
          } else {
            otherAnswers.push(`${answer.status} ${JSON.stringify(answer.body)}`);
          }
        } catch {
          // No answer: connection reset or refused by the dying server.
          unanswered++;
        } finally {
          inFlight--;
        }
      }
    };
    const clients = Array.from({ length: 8 }, client);

    await within(enoughAcknowledged, 30_000);
    assert.ok(acknowledgedInPhase >= 12, `the server acknowledged only ${acknowledgedInPhase} complaints in 30 s`);
    // No client starts another submission from here: the ones in flight are those the kill cuts.
    killed = true;
    const inFlightAtKill = inFlight;
    const exit = await server.kill();
    await Promise.all(clients);

    t.diagnostic(`killed with ${inFlightAtKill} submissions in flight; ${acknowledgedInPhase} acknowledged in this phase, ${unanswered} unanswered`);
    assert.equal(exit.signal, 'SIGKILL', `the server died by kill -9, not by ${describeExit(exit)}`);
    assert.ok(inFlightAtKill > 0, 'some submissions were still in flight when the server was killed');
    assert.deepEqual(otherAnswers, [], 'no submission was refused before the kill');
  });

  it('starts again on the same data directory without being refused by the data-directory lock', { timeout: 90_000 }, async () => {
    assert.ok(journey);
    restarted = await startServer({ dataDir, env: { TMPDIR: journey.tmp } });
    assert.ok(!restarted.output().includes('Another Aduan process'), restarted.output());
  });

  it('lets the reporter track every complaint it acknowledged before the crash', { timeout: 60_000 }, async () => {
    assert.ok(restarted);
    const server = restarted;
    const failures: string[] = [];
    await mapConcurrently(acknowledged, 8, async (pair) => {
      const answer = await track(server.url, pair);
      const tracked = (answer.body as { complaint?: { registerNumber?: unknown } } | undefined)?.complaint?.registerNumber;
      if (answer.status !== 200 || tracked !== pair.registerNumber) {
        failures.push(`${pair.registerNumber}: ${answer.status} ${JSON.stringify(answer.body)}`);
      }
    });
    assert.deepEqual(failures, [], `${failures.length} of ${acknowledged.length} acknowledged complaints were lost`);
  });

  it('never gave two acknowledged complaints the same register number', () => {
    const numbers = acknowledged.map((pair) => pair.registerNumber);
    assert.equal(new Set(numbers).size, numbers.length, `duplicates among ${numbers.join(', ')}`);
  });

  it('continues the register numbers after the crash with no duplicate and no gap', { timeout: 60_000 }, async (t) => {
    assert.ok(restarted);
    const highest = Math.max(...acknowledged.map((pair) => parseRegister(pair.registerNumber).sequence));
    const next = acknowledgementOf(await submit(restarted.url));
    const { year: nextYear, sequence } = parseRegister(next.registerNumber);
    assert.equal(nextYear, year);
    assert.ok(!acknowledged.some((pair) => pair.registerNumber === next.registerNumber), `${next.registerNumber} was already given out`);
    assert.ok(sequence > highest, `the next number ${next.registerNumber} follows the highest acknowledged one (${registerNumberOf(year, highest)})`);
    // Numbers between the acknowledged ones and the next one can only belong to submissions
    // that were committed but whose answer the crash swallowed.
    const committedUnanswered = sequence - 1 - acknowledged.length;
    t.diagnostic(`${acknowledged.length} acknowledged before the crash, ${committedUnanswered} more committed without an answer; next is ${next.registerNumber}`);
    assert.ok(
      committedUnanswered >= 0 && committedUnanswered <= unanswered,
      `${committedUnanswered} numbers before ${next.registerNumber} are neither acknowledged nor explained by the ${unanswered} unanswered submissions`,
    );
    // And from here on the numbers are consecutive again.
    const following: string[] = [];
    for (let count = 0; count < 3; count++) following.push(acknowledgementOf(await submit(restarted.url)).registerNumber);
    assert.deepEqual(following, [1, 2, 3].map((step) => registerNumberOf(year, sequence + step)));
  });
});
