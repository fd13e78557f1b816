import type { PublicRegisterEntry, ServiceLevelOutcome } from '../../../../app/public-register/public-register-entry.js';
import type { MessageKey } from '../../../../i18n/web/catalog.js';
import { formatDate, formatDateTime } from '../../kit/format.js';
import type { WebContext } from '../../kit/web-context.js';

const serviceLevelTag = {
  met: { class: 'tag tag--ok', key: 'register.serviceLevel.met' },
  missed: { class: 'tag tag--warn', key: 'register.serviceLevel.missed' },
  unknown: { class: 'tag', key: 'register.serviceLevel.unknown' },
} as const satisfies Record<ServiceLevelOutcome, { class: string; key: MessageKey }>;

/** Met or missed in words (the colour only repeats them). */
export function ServiceLevel({ ctx, outcome }: { ctx: WebContext; outcome: ServiceLevelOutcome }) {
  const tag = serviceLevelTag[outcome];
  return <span class={tag.class}>{ctx.t(tag.key)}</span>;
}

/**
 * "Pengaduan 2026-000123", with the word for screen readers only: a narrow phone would otherwise
 * break the number at its hyphen, and the page around it already says these are complaints.
 */
export function EntryTitle({ ctx, registerNumber }: { ctx: WebContext; registerNumber: string }) {
  return <><span class="visually-hidden">{ctx.t('register.entry.word')} </span>{registerNumber}</>;
}

export function categoryName(ctx: WebContext, entry: PublicRegisterEntry): string {
  if (entry.category === null) return ctx.t('register.fact.noCategory');
  return ctx.locale === 'en' ? entry.category.nameEn : entry.category.nameId;
}

/**
 * Who handled the case and when, as the days fell in the unit's time zone. The list shows days;
 * the page of one case the times too, with the zone (WIB, WITA, WIT).
 */
export function EntryFacts({ ctx, entry, isDetailed }: { ctx: WebContext; entry: PublicRegisterEntry; isDetailed: boolean }) {
  const { t, locale } = ctx;
  const when = (date: Date) => (isDetailed ? formatDateTime(locale, date, entry.timeZone) : formatDate(locale, date, entry.timeZone));
  return (
    <dl class="facts">
      {isDetailed && <><dt>{t('register.fact.category')}</dt><dd>{categoryName(ctx, entry)}</dd></>}
      <dt>{t('register.fact.unit')}</dt>
      <dd>{entry.unitName}</dd>
      <dt>{t('register.fact.received')}</dt>
      <dd><time dateTime={entry.receivedAt.toISOString()}>{when(entry.receivedAt)}</time></dd>
      {isDetailed && entry.respondedAt !== null && <><dt>{t('register.fact.responded')}</dt><dd><time dateTime={entry.respondedAt.toISOString()}>{when(entry.respondedAt)}</time></dd></>}
      {entry.closedAt !== null && <><dt>{t('register.fact.closed')}</dt><dd><time dateTime={entry.closedAt.toISOString()}>{when(entry.closedAt)}</time></dd></>}
      {isDetailed && <><dt>{t('register.fact.serviceLevel')}</dt><dd><ServiceLevel ctx={ctx} outcome={entry.serviceLevel} /></dd></>}
      {isDetailed && <><dt>{t('register.fact.published')}</dt><dd><time dateTime={entry.publishedAt.toISOString()}>{formatDate(locale, entry.publishedAt, entry.timeZone)}</time></dd></>}
    </dl>
  );
}
