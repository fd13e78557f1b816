import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { publishCount, suppressBreakdown, type PublishedCount } from './small-count-suppression.js';

const shown = (value: number): PublishedCount => ({ kind: 'count', value });
const fewer: PublishedCount = { kind: 'fewer_than_threshold' };
const hidden: PublishedCount = { kind: 'hidden' };

/**
 * Every breakdown an outsider could believe in: the same total, the shown cells as shown,
 * "fewer than 5" as 1–4, "hidden" as 5 or more but no more than the smallest count of 5 or
 * more still shown (the page says the smallest are hidden first). Brute force, on purpose:
 * it shares nothing with the rule under test.
 */
function possibleBreakdowns(total: number, cells: readonly PublishedCount[]): number[][] {
  const shownBig = cells.flatMap((cell) => (cell.kind === 'count' && cell.value >= 5 ? [cell.value] : []));
  const hiddenHigh = Math.min(total, ...shownBig);
  const ranges = cells.map((cell) => {
    if (cell.kind === 'count') return [cell.value, cell.value];
    if (cell.kind === 'fewer_than_threshold') return [1, 4];
    return [5, hiddenHigh];
  });
  const found: number[][] = [];
  const walk = (index: number, sum: number, chosen: number[]) => {
    if (index === ranges.length) {
      if (sum === total) found.push([...chosen]);
      return;
    }
    const [low, high] = ranges[index] ?? [0, 0];
    for (let value = low ?? 0; value <= (high ?? 0) && sum + value <= total; value += 1) walk(index + 1, sum + value, [...chosen, value]);
  };
  walk(0, 0, []);
  return found;
}

describe('small counts in a breakdown', () => {
  it('shows counts of 5 or more and zeros as they are', () => {
    assert.deepEqual(suppressBreakdown([12, 0, 5, 7]), { cells: [shown(12), shown(0), shown(5), shown(7)], isWithheld: false });
  });

  it('hides a count of 1 to 4, and the smallest other count with it, so the total minus the rest does not give it away', () => {
    // web 12, walk-in 6, letter 2: alone, the letters would be 20 - 12 - 6.
    assert.deepEqual(suppressBreakdown([12, 6, 2]), { cells: [shown(12), hidden, fewer], isWithheld: false });
  });

  it('needs no second cell when two small counts already hide each other', () => {
    assert.deepEqual(suppressBreakdown([20, 2, 3]), { cells: [shown(20), fewer, fewer], isWithheld: false });
  });

  it('hides one more cell when the hidden ones could only add up one way', () => {
    // 1 + 5 = 6 leaves the small one exactly 1 (the other is at least 5): hide the 9 as well.
    assert.deepEqual(suppressBreakdown([1, 5, 9, 30]), { cells: [fewer, hidden, hidden, shown(30)], isWithheld: false });
    // 4 + 4 = 8 with each at most 4: both are exactly 4.
    assert.deepEqual(suppressBreakdown([4, 4, 10]), { cells: [fewer, fewer, hidden], isWithheld: false });
  });

  it('withholds the whole breakdown when no choice of hidden cells protects the small ones', () => {
    assert.deepEqual(suppressBreakdown([4, 4]), { cells: [hidden, hidden], isWithheld: true });
    assert.deepEqual(suppressBreakdown([1, 5]), { cells: [hidden, hidden], isWithheld: true });
  });

  it('breaks nothing down when the total itself is below 5', () => {
    assert.deepEqual(suppressBreakdown([3, 0, 1]), { cells: [hidden, hidden, hidden], isWithheld: true });
    assert.deepEqual(suppressBreakdown([0, 0]), { cells: [shown(0), shown(0)], isWithheld: false });
  });

  it('a count on its own is shown from 5, as "fewer than 5" from 1 to 4, and as 0', () => {
    assert.deepEqual([0, 1, 4, 5].map(publishCount), [shown(0), fewer, fewer, shown(5)]);
  });

  it('never lets a small count be worked out from the total and the cells shown (brute force over small breakdowns)', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 11 }), { minLength: 1, maxLength: 5 }), (counts) => {
      const total = counts.reduce((sum, count) => sum + count, 0);
      const published = suppressBreakdown(counts);
      published.cells.forEach((cell, index) => {
        const count = counts[index] ?? 0;
        if (cell.kind === 'count') assert.equal(cell.value, count, 'a shown count is the true count');
        if (cell.kind === 'fewer_than_threshold') assert.ok(count >= 1 && count <= 4, '"fewer than 5" is true');
      });
      if (published.isWithheld) return;
      const possible = possibleBreakdowns(total, published.cells);
      assert.ok(possible.some((candidate) => candidate.every((value, index) => value === counts[index])), 'the truth is among the possibilities');
      published.cells.forEach((cell, index) => {
        if (cell.kind === 'count') return;
        const values = new Set(possible.map((candidate) => candidate[index]));
        assert.ok(values.size >= 2, `cell ${index} of ${JSON.stringify(counts)} is pinned to ${[...values].join()} by ${JSON.stringify(published.cells)}`);
      });
    }), { numRuns: 3000 });
  });
});
