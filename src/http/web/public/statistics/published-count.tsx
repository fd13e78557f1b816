import type { PublishedCount } from '../../../../domain/statistics/small-count-suppression.js';
import { formatNumber } from '../../kit/format.js';
import type { WebContext } from '../../kit/web-context.js';
import { suppressedMark } from '../../../../documents/charts/bar-chart.js';

/**
 * A count as text: the number, or the mark a suppressed count carries ("< 5", "×") with its
 * meaning in words for screen readers, which read the marks badly or not at all.
 */
export function CountText({ ctx, count }: { ctx: WebContext; count: PublishedCount }) {
  if (count.kind === 'count') return <>{formatNumber(ctx.locale, count.value)}</>;
  const words = count.kind === 'fewer_than_threshold' ? ctx.t('statistics.fewer') : ctx.t('statistics.hidden');
  return <><span aria-hidden="true">{suppressedMark(count)}</span><span class="visually-hidden">{words}</span></>;
}

/** The same in plain words, for a sentence. */
export function countWords(ctx: WebContext, count: PublishedCount): string {
  if (count.kind === 'count') return formatNumber(ctx.locale, count.value);
  return count.kind === 'fewer_than_threshold' ? ctx.t('statistics.fewer') : ctx.t('statistics.hidden');
}
