import { BarChart, type BarSeriesOption } from 'echarts/charts';
import { GridComponent, type GridComponentOption } from 'echarts/components';
import { init, setPlatformAPI, use, type ComposeOption } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { PublishedCount } from '../../domain/statistics/small-count-suppression.js';
import { formatNumber, type Locale } from '../../i18n/locale.js';
import { pageSafeSvg } from './page-safe-svg.js';

use([BarChart, GridComponent, SVGRenderer]);
// On the server ECharts has no canvas to measure text and guesses from Helvetica's widths, so
// wrapped labels came out wider than guessed in DejaVu Sans (Debian, many Linux phones: about
// 13% wider) and were cut off at the chart's left edge. Measure by DejaVu's rough widths
// instead: narrower fonts then only leave a little room. (Process-wide; we are its only user.)
setPlatformAPI({ measureText: (text, font) => ({ width: estimatedTextWidth(text, font) }) });

type ChartOption = ComposeOption<BarSeriesOption | GridComponentOption>;

export interface Bar {
  label: string;
  count: PublishedCount;
  /** Defaults to the brand blue. */
  color?: string;
}

export interface BarChartInput {
  /** The root element's id. */
  id: string;
  /** The id of the caption naming the chart. */
  labelledBy: string;
  locale: Locale;
  bars: Bar[];
  /**
   * `horizontal`: one row per bar, the label left and the count at the bar's end (long labels
   * wrap). `vertical`: bars side by side with a count axis (months), counts above the bars when
   * there are few.
   */
  orientation: 'horizontal' | 'vertical';
}

/**
 * The width charts are drawn at: a phone's column (328 px at 360 wide) and one column of the
 * two-column desktop grid (344 px) show it at about its own size, so its 12 px text stays
 * readable. Wider screens do not stretch it (see site.css).
 */
export const chartWidth = 340;

const ink = '#1b1f24';
const muted = '#4b5563';
const gridLine = '#c9d1db';
const brand = '#0b4f8a';
const fontSize = 12;
const labelWidth = 132;

/** What a suppressed bar says where its count would be; the table beside it says it in words. */
export function suppressedMark(count: PublishedCount): string | undefined {
  // A no-break space: "<" alone at the end of a line means nothing.
  if (count.kind === 'fewer_than_threshold') return '<\u00a05';
  if (count.kind === 'hidden') return '×';
  return undefined;
}

/** A bar chart as SVG for the page: drawn on the server, so it needs no script in the browser. */
export function renderBarChart(input: BarChartInput): string {
  const { bars, locale } = input;
  const isHorizontal = input.orientation === 'horizontal';
  // Twelve months leave no room for counts above the bars: they read off the axis instead.
  const hasValueLabels = isHorizontal || bars.length <= 6;
  // A suppressed bar is drawn empty, so its length gives nothing away; its mark stands on the baseline.
  const data = bars.map((bar) => {
    const mark = suppressedMark(bar.count);
    const value = bar.count.kind === 'count' ? bar.count.value : 0;
    return {
      value,
      itemStyle: { color: bar.color ?? brand },
      label: { show: hasValueLabels || mark !== undefined, formatter: mark ?? formatNumber(locale, value) },
    };
  });
  // Room right of the longest bar for its count ("14.993", "1.234.567").
  const valueLabelRoom = Math.ceil(Math.max(...data.map((datum) => estimatedTextWidth(datum.label.formatter)))) + 10;
  const height = isHorizontal
    ? bars.reduce((sum, bar) => sum + Math.max(30, wrappedLines(bar.label) * 15 + 12), 8)
    : 210;
  const categoryAxis = {
    type: 'category' as const,
    data: bars.map((bar) => bar.label),
    axisTick: { show: false },
    axisLine: { lineStyle: { color: muted } },
    axisLabel: isHorizontal
      ? { color: ink, fontSize, width: labelWidth, overflow: 'break' as const, lineHeight: 15 }
      : { color: ink, fontSize, interval: 0, lineHeight: 15 },
  };
  const valueAxis = {
    type: 'value' as const,
    show: !isHorizontal && !hasValueLabels,
    minInterval: 1,
    splitNumber: 4,
    axisLabel: { color: muted, fontSize, formatter: (value: number) => formatNumber(locale, value, { notation: 'compact' }) },
    splitLine: { lineStyle: { color: gridLine } },
  };
  const option: ChartOption = {
    animation: false,
    textStyle: { fontFamily: 'sans-serif', fontSize, color: ink },
    grid: isHorizontal
      ? { left: 4, right: valueLabelRoom, top: 4, bottom: 4, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' }
      : { left: 4, right: 8, top: 22, bottom: 4, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: isHorizontal ? { ...valueAxis, show: false } : categoryAxis,
    yAxis: isHorizontal ? { ...categoryAxis, inverse: true } : valueAxis,
    series: [{
      type: 'bar',
      data,
      barMaxWidth: isHorizontal ? 18 : 28,
      barMinHeight: 0,
      label: { position: isHorizontal ? 'right' : 'top', color: ink, fontSize, textBorderWidth: 0 },
    }],
  };
  const chart = init(null, null, { renderer: 'svg', ssr: true, width: chartWidth, height });
  try {
    chart.setOption(option);
    return pageSafeSvg(chart.renderToSVGString({ useViewBox: true }), { id: input.id, labelledBy: input.labelledBy });
  } finally {
    chart.dispose();
  }
}

/** A generous width of text in a sans-serif font, from character classes (em widths of DejaVu Sans, rounded up). */
export function estimatedTextWidth(text: string, font = '12px sans-serif'): number {
  const sizePx = Number(/(\d+(?:\.\d+)?)px/.exec(font)?.[1] ?? fontSize);
  let ems = 0;
  for (const character of text) {
    if (/[ijl.,:;'!|I ]/.test(character)) ems += 0.32;
    else if (/[frt()[\]\-/]/.test(character)) ems += 0.42;
    else if (/[mwMW]/.test(character)) ems += 0.98;
    else if (/[A-Z]/.test(character)) ems += 0.74;
    else ems += 0.64;
  }
  return ems * sizePx;
}

/** Lines a category label wraps to at the label width, breaking between words as ECharts does. */
function wrappedLines(label: string): number {
  let lines = 1;
  let line = '';
  for (const word of label.split(/\s+/)) {
    const longer = line === '' ? word : `${line} ${word}`;
    if (line !== '' && estimatedTextWidth(longer) > labelWidth) {
      lines += 1;
      line = word;
    } else {
      line = longer;
    }
  }
  return lines;
}
