import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createCaches } from './caches.js';

describe('createCaches', () => {
  it('starts every cache empty', () => {
    const caches = createCaches();
    assert.equal(caches.inboxScopes.size, 0);
    assert.equal(caches.serviceLevels, undefined);
    assert.equal(caches.publicStatistics.size, 0);
    assert.equal(caches.trackingFailures.size, 0);
    assert.equal(caches.staffActors.size, 0);
  });

  it('gives each app caches of its own, so what one remembers the other does not see', () => {
    const first = createCaches();
    const second = createCaches();
    first.inboxScopes.set(1, { version: 1, subtree: [1], unitCount: 1, integrityTeamIds: [] });
    assert.equal(second.inboxScopes.has(1), false);
    assert.notEqual(first.statisticsCharts, second.statisticsCharts);
  });
});
