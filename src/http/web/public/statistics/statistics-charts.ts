import type { Caches } from '../../../../app/caches.js';
import type { CategoryKey, PublicStatistics } from '../../../../app/statistics/public-statistics.js';
import type { Channel } from '../../../../domain/complaint/channel.js';
import type { MessageKey } from '../../../../i18n/web/catalog.js';
import type { WebContext } from '../../kit/web-context.js';
import { renderBarChart, type Bar } from '../../../../documents/charts/bar-chart.js';
import { shortMonthName } from './month-label.js';

/** Each chart as page-safe SVG, or '' when there is nothing to draw. */
export interface StatisticsCharts {
  months: string;
  channels: string;
  categories: string;
  statuses: string;
  serviceLevel: string;
  satisfaction: string;
}

const serviceLevelColors = { in_time: '#0f6b3a', late: '#8a4b00', overdue: '#b3261e' } as const;

// The statistics are computed once a minute; so are their charts, once per language.
export function statisticsCharts(ctx: WebContext, statistics: PublicStatistics, caches: Caches): StatisticsCharts {
  const rendered = caches.statisticsCharts;
  let byLocale = rendered.get(statistics);
  if (byLocale === undefined) {
    byLocale = new Map();
    rendered.set(statistics, byLocale);
  }
  let charts = byLocale.get(ctx.locale);
  if (charts === undefined) {
    charts = renderCharts(ctx, statistics);
    byLocale.set(ctx.locale, charts);
  }
  return charts;
}

export function categoryLabel(ctx: WebContext, key: CategoryKey): string {
  if (key.code === null) return ctx.t('statistics.categories.none');
  return (ctx.locale === 'en' ? key.nameEn : key.nameId) ?? key.code;
}

const channelKeys: Record<Channel, MessageKey> = {
  web: 'statistics.channel.web', email: 'statistics.channel.email', whatsapp: 'statistics.channel.whatsapp', sms: 'statistics.channel.sms',
  letter: 'statistics.channel.letter', suggestion_box: 'statistics.channel.suggestion_box', walk_in: 'statistics.channel.walk_in',
  phone: 'statistics.channel.phone', social_media: 'statistics.channel.social_media', referral: 'statistics.channel.referral',
};
const channelKeyOf = new Map<string, MessageKey>(Object.entries(channelKeys));

export function channelLabel(ctx: WebContext, channel: string): string {
  const key = channelKeyOf.get(channel);
  return key === undefined ? channel : ctx.t(key);
}

function renderCharts(ctx: WebContext, statistics: PublicStatistics): StatisticsCharts {
  const { locale, t } = ctx;
  // Without one bar to draw (every count 0 or suppressed) a chart is an empty frame: the table alone says it.
  const chart = (id: string, orientation: 'horizontal' | 'vertical', bars: Bar[]) =>
    bars.some((bar) => bar.count.kind === 'count' && bar.count.value > 0)
      ? renderBarChart({ id: `${id}-chart`, labelledBy: `${id}-caption`, locale, orientation, bars })
      : '';
  const months = statistics.byMonth.rows;
  return {
    months: chart('months', 'vertical', months.map((row, index) => ({
      // The year under the first month and under each January.
      label: index === 0 || row.key.endsWith('-01') ? `${shortMonthName(locale, row.key)}\n${row.key.slice(0, 4)}` : shortMonthName(locale, row.key),
      count: row.count,
    }))),
    channels: chart('channels', 'horizontal', statistics.byChannel.rows.map((row) => ({ label: channelLabel(ctx, row.key), count: row.count }))),
    categories: chart('categories', 'horizontal', statistics.byCategory.rows.map((row) => ({ label: categoryLabel(ctx, row.key), count: row.count }))),
    statuses: chart('statuses', 'horizontal', statistics.byStatus.rows.map((row) => ({ label: t(`statistics.status.${row.key}`), count: row.count }))),
    serviceLevel: chart('service-level', 'horizontal', statistics.serviceLevel.breakdown.rows.map((row) => ({
      label: t(`statistics.serviceLevel.${row.key}`), count: row.count, color: serviceLevelColors[row.key],
    }))),
    satisfaction: chart('satisfaction', 'vertical', statistics.satisfaction.distribution.rows.map((row) => ({ label: String(row.key), count: row.count }))),
  };
}
