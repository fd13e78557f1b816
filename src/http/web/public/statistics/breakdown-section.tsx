import type { ComponentChildren } from 'preact';
import type { PublishedBreakdownOf } from '../../../../app/statistics/public-statistics.js';
import type { PublishedCount } from '../../../../domain/statistics/small-count-suppression.js';
import type { WebContext } from '../../kit/web-context.js';
import { CountText } from './published-count.js';

export interface BreakdownSectionProps<Key> {
  ctx: WebContext;
  /** Prefix of the section's ids. */
  id: string;
  heading: string;
  /** Names the table (its caption) and, after "Bar chart:", the chart (its figcaption). */
  caption: string;
  /** The chart as page-safe SVG (see page-safe-svg.ts); '' for none, and then the table shows open. */
  svg: string;
  breakdown: PublishedBreakdownOf<Key>;
  rowLabel: (key: Key) => string;
  keyColumn: string;
  countColumn: string;
  total: PublishedCount;
  /** Paragraphs before the chart. */
  intro?: ComponentChildren;
  /** Paragraphs after the table. */
  notes?: ComponentChildren;
  /** Said instead of chart and table when there is nothing to break down. */
  empty?: string | undefined;
}

/** One breakdown: heading, chart (an image named by its caption), the same numbers as a table. */
export function BreakdownSection<Key>(props: BreakdownSectionProps<Key>) {
  const { ctx, id, breakdown } = props;
  const headingId = `${id}-heading`;
  const captionId = `${id}-caption`;
  let body: ComponentChildren;
  if (props.empty !== undefined) {
    body = <p>{props.empty}</p>;
  } else if (breakdown.isWithheld) {
    body = <p>{ctx.t('statistics.withheld')}</p>;
  } else {
    const hasChart = props.svg !== '';
    const table = (
      <div class="table-wrap">
        <table>
          <caption class={hasChart ? 'visually-hidden' : 'stat-caption'}>{props.caption}</caption>
          <thead>
            <tr><th scope="col">{props.keyColumn}</th><th scope="col" class="number">{props.countColumn}</th></tr>
          </thead>
          <tbody>
            {breakdown.rows.map((row) => (
              <tr><th scope="row">{props.rowLabel(row.key)}</th><td class="number"><CountText ctx={ctx} count={row.count} /></td></tr>
            ))}
          </tbody>
          <tfoot>
            <tr><th scope="row">{ctx.t('statistics.table.total')}</th><td class="number"><CountText ctx={ctx} count={props.total} /></td></tr>
          </tfoot>
        </table>
      </div>
    );
    body = hasChart
      ? (
        <>
          <figure class="chart">
            <figcaption id={captionId}>{ctx.t('statistics.chart.caption', { caption: props.caption })}</figcaption>
            <div class="chart__image" dangerouslySetInnerHTML={{ __html: props.svg }} />
          </figure>
          <details class="chart-table">
            <summary>{ctx.t('statistics.table.show')}</summary>
            {table}
          </details>
        </>
      )
      : table;
  }
  return (
    <section class="stat-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{props.heading}</h2>
      {props.intro}
      {body}
      {props.notes}
    </section>
  );
}
