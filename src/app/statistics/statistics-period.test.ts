import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { availableYears, monthIn, resolvePeriod } from './statistics-period.js';

describe('the period a statistics page covers', () => {
  it('counts the month in the installation\'s time zone: 1 March 01:00 WIT is still February in UTC', () => {
    const instant = new Date('2026-02-28T16:30:00Z');
    assert.deepEqual(monthIn(instant, 'Asia/Jayapura'), { year: 2026, month: 3 });
    assert.deepEqual(monthIn(instant, 'UTC'), { year: 2026, month: 2 });
  });

  it('by default covers the twelve months that have ended, across the turn of the year', () => {
    const period = resolvePeriod({ kind: 'last_12_months' }, { year: 2026, month: 3 }, { year: 2020, month: 1 });
    assert.equal(period?.months.length, 12);
    assert.deepEqual([period?.months[0], period?.months[11]], ['2025-03', '2026-02']);
    assert.deepEqual([period?.fromDay, period?.untilDay], ['2025-03-01', '2026-03-01']);
  });

  it('covers only the ended months of the current year, and the whole of an earlier one', () => {
    const current = resolvePeriod({ kind: 'year', year: 2026 }, { year: 2026, month: 3 }, { year: 2025, month: 6 });
    assert.deepEqual(current?.months, ['2026-01', '2026-02']);
    assert.equal(current?.untilDay, '2026-03-01');
    const earlier = resolvePeriod({ kind: 'year', year: 2025 }, { year: 2026, month: 3 }, { year: 2025, month: 6 });
    assert.equal(earlier?.months.length, 12);
    assert.deepEqual([earlier?.fromDay, earlier?.untilDay], ['2025-01-01', '2026-01-01']);
  });

  it('offers the years from the first complaint to the last ended month, and no other', () => {
    assert.deepEqual(availableYears({ year: 2026, month: 3 }, { year: 2024, month: 11 }), [2026, 2025, 2024]);
    assert.deepEqual(availableYears({ year: 2026, month: 1 }, { year: 2024, month: 11 }), [2025, 2024], 'in January this year has no ended month yet');
    assert.deepEqual(availableYears({ year: 2026, month: 3 }, null), []);
    assert.equal(resolvePeriod({ kind: 'year', year: 2023 }, { year: 2026, month: 3 }, { year: 2024, month: 11 }), undefined);
    assert.equal(resolvePeriod({ kind: 'year', year: 2026 }, { year: 2026, month: 1 }, { year: 2024, month: 11 }), undefined);
  });
});
