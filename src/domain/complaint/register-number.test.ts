import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatRegisterNumber, parseRegisterNumber, registerYearOf } from './register-number.js';
import { DomainError } from '../domain-error.js';

describe('register numbers', () => {
  it('are printed as YYYY-NNNNNN, optionally after the unit code', () => {
    assert.equal(formatRegisterNumber({ prefix: undefined, year: 2026, sequence: 123 }), '2026-000123');
    assert.equal(formatRegisterNumber({ prefix: 'KPKNL', year: 2026, sequence: 7 }), 'KPKNL-2026-000007');
    assert.equal(formatRegisterNumber({ prefix: undefined, year: 2026, sequence: 1234567 }), '2026-1234567');
  });

  it('read back what was printed, forgiving case and spaces', () => {
    assert.deepEqual(parseRegisterNumber(' kpknl-2026-000007 '), { prefix: 'KPKNL', year: 2026, sequence: 7 });
    assert.deepEqual(parseRegisterNumber('2026-000123'), { prefix: undefined, year: 2026, sequence: 123 });
  });

  it('refuse what is not a register number', () => {
    for (const bad of ['', '2026-12', 'abc', '26-000001', '2026-00000a']) {
      assert.throws(() => parseRegisterNumber(bad), DomainError);
    }
  });

  it('take the year from the time zone of the receiving body', () => {
    const newYearInJayapura = new Date('2026-12-31T15:30:00Z');
    assert.equal(registerYearOf(newYearInJayapura, 'Asia/Jayapura'), 2027);
    assert.equal(registerYearOf(newYearInJayapura, 'Asia/Jakarta'), 2026);
  });
});
