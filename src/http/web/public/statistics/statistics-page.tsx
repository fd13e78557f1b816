import type { PublicStatistics } from '../../../../app/statistics/public-statistics.js';
import type { MonthKey } from '../../../../app/statistics/statistics-period.js';
import { formatDate, formatNumber, zoneLabel } from '../../kit/format.js';
import { Layout } from '../../kit/layout.js';
import type { WebContext } from '../../kit/web-context.js';
import { BreakdownSection } from './breakdown-section.js';
import { firstDayOf, lastDayOf, monthName } from './month-label.js';
import { CountText, countWords } from './published-count.js';
import { categoryLabel, channelLabel, type StatisticsCharts } from './statistics-charts.js';

/** The public statistics: aggregates only, small counts suppressed before they get here. */
export function StatisticsPage({ ctx, statistics, charts }: { ctx: WebContext; statistics: PublicStatistics; charts: StatisticsCharts }) {
  const { t, locale } = ctx;
  const { period } = statistics;
  const firstMonth = period.months[0];
  const lastMonth = period.months.at(-1);
  const periodText = firstMonth && lastMonth ? `${monthName(locale, firstMonth)} – ${monthName(locale, lastMonth)}` : '';
  const isEmpty = statistics.total.kind === 'count' && statistics.total.value === 0;
  const empty = isEmpty ? t('statistics.none') : undefined;
  const percent = (share: number) => formatNumber(locale, share, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const average = (value: number) => formatNumber(locale, value, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const { serviceLevel, satisfaction } = statistics;

  return (
    <Layout ctx={ctx} title={t('statistics.title')}>
      <h1>{t('statistics.title')}</h1>
      <p class="lead">{t('statistics.lead')}</p>
      {firstMonth && lastMonth && (
        <p>{t('statistics.coverage', { from: formatDate(locale, firstDayOf(firstMonth), 'UTC'), until: formatDate(locale, lastDayOf(lastMonth), 'UTC'), zone: zoneLabel(statistics.timeZone) })}</p>
      )}

      <PeriodForm ctx={ctx} statistics={statistics} />

      <section aria-labelledby="summary-heading">
        <h2 id="summary-heading">{t('statistics.summary.heading')} <span class="stat-period">{periodText}</span></h2>
        <dl class="facts stat-summary">
          <dt>{t('statistics.summary.received')}</dt>
          <dd><CountText ctx={ctx} count={statistics.total} /></dd>
          <dt>{t('statistics.summary.whistleblowing')}</dt>
          <dd><CountText ctx={ctx} count={statistics.whistleblowing} /></dd>
          <dt>{t('statistics.summary.inTime')}</dt>
          <dd>{serviceLevel.shareInTime === null ? t('statistics.summary.notShown') : percent(serviceLevel.shareInTime)}</dd>
          <dt>{t('statistics.summary.rating')}</dt>
          <dd>{satisfaction.average === null ? t('statistics.summary.notShown') : t('statistics.summary.ratingValue', { average: average(satisfaction.average) })}</dd>
        </dl>
      </section>

      <section class="notice" aria-labelledby="privacy-heading">
        <h2 id="privacy-heading" class="notice__heading">{t('statistics.privacy.heading')}</h2>
        <p>{t('statistics.privacy.personal')} {t('statistics.privacy.small')}</p>
        <p>{t('statistics.privacy.whistleblowing')}</p>
      </section>

      <div class="grid grid--2 stat-grid">
        <BreakdownSection<MonthKey> ctx={ctx} id="months" heading={t('statistics.months.heading')} caption={t('statistics.months.caption', { period: periodText })}
          svg={charts.months} breakdown={statistics.byMonth} rowLabel={(month) => monthName(locale, month)}
          keyColumn={t('statistics.months.column')} countColumn={t('statistics.table.count')} total={statistics.total} empty={empty} />
        <BreakdownSection ctx={ctx} id="channels" heading={t('statistics.channels.heading')} caption={t('statistics.channels.caption', { period: periodText })}
          svg={charts.channels} breakdown={statistics.byChannel} rowLabel={(channel) => channelLabel(ctx, channel)}
          keyColumn={t('statistics.channels.column')} countColumn={t('statistics.table.count')} total={statistics.total} empty={empty}
          notes={isEmpty || statistics.byChannel.isWithheld ? undefined : <p class="hint">{t('statistics.channels.unlisted')}</p>} />
        <BreakdownSection ctx={ctx} id="categories" heading={t('statistics.categories.heading')} caption={t('statistics.categories.caption', { period: periodText })}
          svg={charts.categories} breakdown={statistics.byCategory} rowLabel={(key) => categoryLabel(ctx, key)}
          keyColumn={t('statistics.categories.column')} countColumn={t('statistics.table.count')} total={statistics.total} empty={empty} />
        <BreakdownSection ctx={ctx} id="statuses" heading={t('statistics.statuses.heading')} caption={t('statistics.statuses.caption')}
          svg={charts.statuses} breakdown={statistics.byStatus} rowLabel={(group) => t(`statistics.status.${group}`)}
          keyColumn={t('statistics.statuses.column')} countColumn={t('statistics.table.count')} total={statistics.total} empty={empty} />
        <BreakdownSection ctx={ctx} id="service-level" heading={t('statistics.serviceLevel.heading')} caption={t('statistics.serviceLevel.caption')}
          svg={charts.serviceLevel} breakdown={serviceLevel.breakdown} rowLabel={(key) => t(`statistics.serviceLevel.${key}`)}
          keyColumn={t('statistics.serviceLevel.column')} countColumn={t('statistics.table.count')} total={serviceLevel.assessed}
          empty={serviceLevel.assessed.kind === 'count' && serviceLevel.assessed.value === 0 ? t('statistics.serviceLevel.noneAssessed') : undefined}
          intro={<>
            {serviceLevel.shareInTime !== null
              ? <p class="stat-key">{t('statistics.serviceLevel.share', { share: percent(serviceLevel.shareInTime), assessed: countWords(ctx, serviceLevel.assessed) })}</p>
              : !serviceLevel.breakdown.isWithheld && serviceLevel.assessed.kind === 'count' && serviceLevel.assessed.value > 0 ? <p>{t('statistics.serviceLevel.shareHidden')}</p> : null}
          </>}
          notes={<>
            <p class="hint">{t('statistics.serviceLevel.pending', { pending: countWords(ctx, serviceLevel.pending) })} {t('statistics.serviceLevel.notCounted')}</p>
            <p class="hint">{t('statistics.serviceLevel.explain')}</p>
          </>} />
        <BreakdownSection ctx={ctx} id="satisfaction" heading={t('statistics.satisfaction.heading')} caption={t('statistics.satisfaction.caption')}
          svg={charts.satisfaction} breakdown={satisfaction.distribution} rowLabel={(rating) => t('statistics.satisfaction.value', { rating })}
          keyColumn={t('statistics.satisfaction.column')} countColumn={t('statistics.satisfaction.countColumn')} total={satisfaction.ratings}
          empty={satisfaction.ratings.kind === 'count' && satisfaction.ratings.value === 0 ? t('statistics.satisfaction.none') : undefined}
          intro={<p>{t('statistics.satisfaction.ratings', { ratings: countWords(ctx, satisfaction.ratings) })}{' '}
            {satisfaction.average !== null
              ? t('statistics.satisfaction.average', { average: average(satisfaction.average) })
              : satisfaction.ratings.kind === 'count' && satisfaction.ratings.value > 0 && !satisfaction.distribution.isWithheld ? t('statistics.satisfaction.averageHidden') : null}</p>} />
      </div>
    </Layout>
  );
}

/** A plain GET form: works without script, and the address can be shared. */
function PeriodForm({ ctx, statistics }: { ctx: WebContext; statistics: PublicStatistics }) {
  const { t } = ctx;
  const { choice } = statistics.period;
  return (
    <form method="get" action="/statistik" class="period-form">
      <label for="tahun">{t('statistics.period.label')}</label>
      <div class="period-form__row">
        <select id="tahun" name="tahun" class="input--short">
          <option value="" selected={choice.kind === 'last_12_months'}>{t('statistics.period.last12')}</option>
          {statistics.years.map((year) => (
            <option value={String(year)} selected={choice.kind === 'year' && choice.year === year}>{t('statistics.period.year', { year })}</option>
          ))}
        </select>
        <button type="submit" class="button button--secondary">{t('statistics.period.show')}</button>
      </div>
    </form>
  );
}
