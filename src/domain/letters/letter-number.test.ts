import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatLetterNumber, letterSeriesOf } from './letter-number.js';

describe('letter number', () => {
  it('is the sequence, the unit code, the Roman month and the year', () => {
    assert.equal(formatLetterNumber({ sequence: 12, unitCode: 'ADUAN', signedAt: new Date('2026-11-03T08:00:00Z') }), '12/ADUAN/XI/2026');
  });

  it('takes the month and year in UTC, so a letter signed at midnight in Jakarta on 1 January is still December', () => {
    assert.equal(formatLetterNumber({ sequence: 1, unitCode: 'HUKUM', signedAt: new Date('2025-12-31T17:30:00Z') }), '1/HUKUM/XII/2025');
  });

  it('falls back to ADUAN when the unit is unknown', () => {
    assert.equal(formatLetterNumber({ sequence: 3, unitCode: undefined, signedAt: new Date('2026-01-15T00:00:00Z') }), '3/ADUAN/I/2026');
  });

  it('numbers each unit from its own series', () => {
    assert.equal(letterSeriesOf('HUKUM'), 'LETTER:HUKUM');
    assert.equal(letterSeriesOf(undefined), 'LETTER:');
  });
});
