/**
 * Small counts in public statistics (docs/design.md "Access and privacy": public statistics never
 * reveal a person). A count of 1 to 4 is published only as "fewer than 5". A zero is shown:
 * it is nobody, and hiding it would make every unused channel look like a small group.
 *
 * A breakdown's total is published too (every breakdown of the page adds up to the same
 * number of complaints), so one hidden cell would be the total minus the others. Each
 * breakdown therefore gets complementary suppression: more cells are hidden, smallest first,
 * until no hidden cell can be pinned down from the total and what the marks say ("fewer than
 * 5" is 1–4, "hidden" is 5 or more and, as the smallest were hidden first, no more than the
 * smallest count still shown). When that cannot be reached, the whole breakdown is withheld.
 */

export const smallCountThreshold = 5;

/** A count as the public sees it. */
export type PublishedCount =
  | { kind: 'count'; value: number }
  /** 1 to 4: too few to show. */
  | { kind: 'fewer_than_threshold' }
  /** 5 or more, hidden so that a small count beside it cannot be worked out from the total. */
  | { kind: 'hidden' };

export interface PublishedBreakdown {
  cells: PublishedCount[];
  /** Nothing of the breakdown could be shown safely: every cell is hidden. */
  isWithheld: boolean;
}

/** A count that stands alone (no total it is part of is published). */
export function publishCount(count: number): PublishedCount {
  return count > 0 && count < smallCountThreshold ? { kind: 'fewer_than_threshold' } : { kind: 'count', value: count };
}

/**
 * The cells of a breakdown whose total is published exactly. A total below the threshold is
 * itself published as "fewer than 5", and then nothing of it is broken down.
 */
export function suppressBreakdown(counts: readonly number[]): PublishedBreakdown {
  const total = counts.reduce((sum, count) => sum + count, 0);
  const withheld: PublishedBreakdown = { cells: counts.map(() => ({ kind: 'hidden' })), isWithheld: true };
  if (total > 0 && total < smallCountThreshold) return withheld;

  const cells: PublishedCount[] = counts.map(publishCount);
  while (!isProtected(counts, cells)) {
    const next = smallestShownAtLeastThreshold(counts, cells);
    if (next === undefined) return withheld;
    cells[next] = { kind: 'hidden' };
  }
  return { cells, isWithheld: false };
}

/** The index of the smallest count still shown that is at least the threshold (the first of equals). */
function smallestShownAtLeastThreshold(counts: readonly number[], cells: readonly PublishedCount[]): number | undefined {
  let found: number | undefined;
  counts.forEach((count, index) => {
    if (cells[index]?.kind === 'count' && count >= smallCountThreshold && (found === undefined || count < (counts[found] ?? 0))) found = index;
  });
  return found;
}

/**
 * Whether every hidden cell keeps at least two possible values, given the total and the
 * bounds its mark gives away. With one sum and a box of bounds the possible values of a cell
 * form exactly the interval computed here.
 */
export function isProtected(counts: readonly number[], cells: readonly PublishedCount[]): boolean {
  const suppressed = cells.flatMap((cell, index) => (cell.kind === 'count' ? [] : [index]));
  if (suppressed.length === 0) return true;
  const remainder = counts.reduce((sum, count, index) => (cells[index]?.kind === 'count' ? sum : sum + count), 0);
  const smallestShown = Math.min(...counts.filter((count, index) => cells[index]?.kind === 'count' && count >= smallCountThreshold));
  const bounds = suppressed.map((index) => cells[index]?.kind === 'fewer_than_threshold'
    ? { low: 1, high: smallCountThreshold - 1 }
    : { low: smallCountThreshold, high: Math.min(remainder, smallestShown) });
  const lowSum = bounds.reduce((sum, bound) => sum + bound.low, 0);
  const highSum = bounds.reduce((sum, bound) => sum + bound.high, 0);
  return bounds.every((bound) => {
    const low = Math.max(bound.low, remainder - (highSum - bound.high));
    const high = Math.min(bound.high, remainder - (lowSum - bound.low));
    return low < high;
  });
}
