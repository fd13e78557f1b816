import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { outageLog } from './outage-log.js';
import { maxRelayBackoffMs, relayDelayMs } from './worker.js';

function recordingLog() {
  const lines: { level: 'info' | 'warn' | 'error'; message: string; data: Record<string, unknown> }[] = [];
  const at = (level: 'info' | 'warn' | 'error') => (data: object, message: string) => {
    lines.push({ level, message, data: data as Record<string, unknown> });
  };
  return { lines, log: { info: at('info'), warn: at('warn'), error: at('error') } };
}

const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });

describe('the worker\'s outage log', () => {
  it('reports an outage when it starts, once a minute while it lasts, and when it ends', () => {
    let now = 1_000_000;
    const { lines, log } = recordingLog();
    const outage = outageLog(log, { now: () => now });
    // Three queues polling every two seconds and a relay: dozens of failures a minute.
    for (let second = 0; second < 150; second += 2) {
      now = 1_000_000 + second * 1000;
      outage.failed(refused, { job: 'outbox-relay' }, 'outbox relay failed; will try again');
      outage.failed(refused, {}, 'job queue error');
    }
    assert.equal(outage.down, true);
    outage.reached();
    outage.reached();
    assert.deepEqual(lines.map((line) => [line.level, line.message]), [
      ['warn', 'database unreachable: the worker keeps trying'],
      ['warn', 'database still unreachable: the worker keeps trying'],
      ['warn', 'database still unreachable: the worker keeps trying'],
      ['info', 'database reachable again: the worker goes on'],
    ]);
    assert.deepEqual(lines[0]?.data, { job: 'outbox-relay', error: { message: 'connect ECONNREFUSED 127.0.0.1:5432', code: 'ECONNREFUSED' } });
    assert.equal(lines[3]?.data.downForSeconds, 148);
    assert.equal(lines[3]?.data.failures, 150);
    assert.equal(outage.down, false);
  });

  it('logs every other failure as an error, with the error itself', () => {
    const { lines, log } = recordingLog();
    const outage = outageLog(log);
    const bug = new TypeError('cannot read properties of undefined');
    outage.failed(bug, { job: 'deadline-sweep' }, 'job failed; it will be retried');
    outage.failed(bug, { job: 'deadline-sweep' }, 'job failed; it will be retried');
    assert.deepEqual(lines.map((line) => [line.level, line.data.err, line.data.job]), [['error', bug, 'deadline-sweep'], ['error', bug, 'deadline-sweep']]);
    assert.equal(outage.down, false);
  });
});

describe('the relay\'s back-off', () => {
  it('doubles the wait after each failure in a row, up to a cap, and is back to the interval after a success', () => {
    assert.deepEqual([0, 1, 2, 3, 4, 10, 60].map((failures) => relayDelayMs(5000, failures)), [5000, 10_000, 20_000, 20_000, 20_000, 20_000, 20_000]);
    assert.deepEqual([0, 1, 2, 3].map((failures) => relayDelayMs(1000, failures)), [1000, 2000, 4000, 8000]);
    assert.equal(relayDelayMs(1000, 50), maxRelayBackoffMs);
    assert.equal(relayDelayMs(60_000, 3), 60_000, 'never shorter than the interval itself');
  });
});
