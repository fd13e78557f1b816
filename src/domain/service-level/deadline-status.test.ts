import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { deadlineStatusOf, deadlineStatusesOf, type StoredDeadline } from './deadline-status.js';

const at = (hour: number) => new Date(Date.UTC(2026, 2, 31, hour));
const response: StoredDeadline = { kind: 'response', dueAt: at(9), dueSoonAt: at(6), pausedAt: null, metAt: null, endedAt: null };
const stateAt = (deadline: StoredDeadline, hour: number) => deadlineStatusOf(deadline, at(hour))?.state;

describe('where a deadline stands', () => {
  it('runs, is due soon past 80% of its time, and is overdue once the due time has passed', () => {
    assert.equal(stateAt(response, 5), 'running');
    assert.equal(stateAt(response, 6), 'due_soon');
    assert.equal(stateAt(response, 9), 'due_soon', 'due at 09:00 means 09:00 is still in time');
    assert.equal(stateAt(response, 10), 'overdue');
  });

  it('is met when met in time and missed when met late, whenever one looks', () => {
    assert.equal(stateAt({ ...response, metAt: at(9) }, 23), 'met');
    assert.equal(stateAt({ ...response, metAt: at(10) }, 23), 'missed');
  });

  it('is paused while the reporter is asked for information', () => {
    assert.equal(stateAt({ ...response, pausedAt: at(4) }, 12), 'paused');
  });

  it('is missed when the case ended after it fell due, and not shown when it ended before', () => {
    assert.equal(stateAt({ ...response, endedAt: at(10) }, 12), 'missed');
    assert.equal(deadlineStatusOf({ ...response, endedAt: at(8) }, at(12)), null);
  });

  it('lists acknowledgement, verification and response in that order', () => {
    const statuses = deadlineStatusesOf([response, { ...response, kind: 'acknowledgement' }, { ...response, kind: 'verification', endedAt: at(1) }], at(5));
    assert.deepEqual(statuses.map((status) => status.kind), ['acknowledgement', 'response']);
  });
});
