import assert from 'node:assert/strict';
import { it } from 'node:test';
import { triagePriority } from './triage-priority.js';

it('reads urgency times impact as low up to 2, medium 3-4, high from 6', () => {
  const table = [1, 2, 3].map((urgency) => [1, 2, 3].map((impact) => triagePriority(urgency, impact)));
  assert.deepEqual(table, [
    ['low', 'low', 'medium'],
    ['low', 'medium', 'high'],
    ['medium', 'high', 'high'],
  ]);
});
