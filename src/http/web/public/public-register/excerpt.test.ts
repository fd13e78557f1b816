import assert from 'node:assert/strict';
import { it } from 'node:test';
import { excerpt } from './excerpt.js';

it('leaves a short text whole, on one line', () => {
  assert.equal(excerpt('Antrean\n\nloket  lama.', 50), 'Antrean loket lama.');
});
it('cuts a long text at a word and marks the cut', () => {
  assert.equal(excerpt('Antrean loket KTP sangat lama, lebih dari tiga jam.', 30), 'Antrean loket KTP sangat lama…');
});
it('cuts a word with no space in reach where it stands', () => {
  assert.equal(excerpt('a '.concat('x'.repeat(40)), 10), 'a xxxxxxxx…');
});
