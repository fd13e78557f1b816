import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { complaintStatuses, finalStatuses, isComplaintStatus, openStatuses } from './complaint-status.js';

describe('open and final statuses', () => {
  it('no status is both open and final', () => {
    assert.deepEqual([...openStatuses].filter((status) => finalStatuses.has(status)), []);
  });

  it('every status but responded and rejected is either open or final', () => {
    const neither = complaintStatuses.filter((status) => !openStatuses.has(status) && !finalStatuses.has(status));
    assert.deepEqual(neither, ['rejected', 'responded']);
  });
});

describe('isComplaintStatus', () => {
  it('accepts every status and nothing else', () => {
    assert.ok(complaintStatuses.every(isComplaintStatus));
    assert.equal(isComplaintStatus('Closed'), false);
    assert.equal(isComplaintStatus(''), false);
  });
});
