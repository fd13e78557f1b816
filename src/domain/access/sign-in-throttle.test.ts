import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { accountAtAddressRule, secondsToWait, waitAfterFailures } from './sign-in-throttle.js';

describe('waiting after failed sign-ins', () => {
  it('costs nothing for the first few failures, then doubles up to the cap', () => {
    const waits = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 50].map((failures) => waitAfterFailures(accountAtAddressRule, failures));
    assert.deepEqual(waits, [0, 0, 0, 30_000, 60_000, 120_000, 240_000, 480_000, 900_000, 900_000, 900_000]);
  });

  it('rounds the seconds left up, and nothing is left once the time has passed', () => {
    const now = new Date('2026-03-02T02:00:00Z');
    assert.equal(secondsToWait(new Date(now.getTime() + 1500), now), 2);
    assert.equal(secondsToWait(new Date(now.getTime() - 1), now), 0);
    assert.equal(secondsToWait(null, now), 0);
  });
});
