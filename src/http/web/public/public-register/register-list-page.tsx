import type { PublicRegisterPage } from '../../../../app/public-register/list-public-register.js';
import type { PublicRegisterEntry } from '../../../../app/public-register/public-register-entry.js';
import { formatNumber } from '../../kit/format.js';
import { Layout } from '../../kit/layout.js';
import type { WebContext } from '../../kit/web-context.js';
import { categoryName, EntryFacts, EntryTitle, ServiceLevel } from './entry-facts.js';
import { excerpt } from './excerpt.js';
import { entryPath, listPath } from './register-paths.js';

// Excerpts keep a page of 20 well under 50 KB; the whole text is one link away.
const summaryExcerptLength = 280;
const responseExcerptLength = 200;

/** `/publik`: the search form, what it found, a page of published cases, and links to the others. */
export function RegisterListPage({ ctx, register }: { ctx: WebContext; register: PublicRegisterPage }) {
  const { t } = ctx;
  const isFiltered = register.text !== undefined || register.categoryCode !== undefined;
  return (
    <Layout ctx={ctx} title={t('register.title')}>
      <h1>{t('register.title')}</h1>
      <p class="lead">{t('register.lead')}</p>
      {(register.total > 0 || isFiltered) && <SearchForm ctx={ctx} register={register} />}
      {register.total === 0
        ? (isFiltered ? <NoMatch ctx={ctx} /> : <NothingPublished ctx={ctx} />)
        : (
          <section aria-labelledby="register-results">
            <h2 id="register-results" class="visually-hidden">{t('register.results.label')}</h2>
            <p><ResultCount ctx={ctx} register={register} /></p>
            <ol class="card-list">
              {register.entries.map((entry) => <EntryCard ctx={ctx} entry={entry} />)}
            </ol>
            <Pages ctx={ctx} register={register} />
          </section>
        )}
    </Layout>
  );
}

function SearchForm({ ctx, register }: { ctx: WebContext; register: PublicRegisterPage }) {
  const { t, locale } = ctx;
  return (
    <form method="get" action="/publik" role="search" aria-label={t('register.search.label')}>
      <div class="field">
        <label for="register-q">{t('register.search.words')}</label>
        <span class="field__hint" id="register-q-hint">{t('register.search.hint')}</span>
        <input type="search" id="register-q" name="q" value={register.text ?? ''} maxLength={200} aria-describedby="register-q-hint" />
      </div>
      <div class="field">
        <label for="register-category">{t('register.search.category')}</label>
        <select id="register-category" name="kategori">
          <option value="">{t('register.search.allCategories')}</option>
          {register.categories.map((category) => (
            <option value={category.code} selected={category.code === register.categoryCode}>{locale === 'en' ? category.nameEn : category.nameId}</option>
          ))}
        </select>
      </div>
      <div class="actions">
        <button type="submit" class="button">{t('register.search.submit')}</button>
        {(register.text !== undefined || register.categoryCode !== undefined) && <a href="/publik">{t('register.search.clear')}</a>}
      </div>
    </form>
  );
}

function ResultCount({ ctx, register }: { ctx: WebContext; register: PublicRegisterPage }) {
  const { t, locale } = ctx;
  const count = formatNumber(locale, register.total);
  const category = register.categories.find((item) => item.code === register.categoryCode);
  const parts = [t(register.total === 1 ? 'register.results.one' : 'register.results.other', { count })];
  if (register.text !== undefined) parts.push(t('register.results.for', { text: register.text }));
  if (category !== undefined) parts.push(t('register.results.inCategory', { category: locale === 'en' ? category.nameEn : category.nameId }));
  if (register.pageCount > 1) parts.push(`· ${t('register.results.page', { page: formatNumber(locale, register.page), pages: formatNumber(locale, register.pageCount) })}`);
  return <strong>{parts.join(' ')}</strong>;
}

function EntryCard({ ctx, entry }: { ctx: WebContext; entry: PublicRegisterEntry }) {
  const { t } = ctx;
  const headingId = `entry-${entry.registerNumber}`;
  const href = entryPath(entry.registerNumber);
  return (
    <li>
      <article aria-labelledby={headingId}>
        <h2 id={headingId}><a href={href}><EntryTitle ctx={ctx} registerNumber={entry.registerNumber} /></a></h2>
        <p><span class="tag">{categoryName(ctx, entry)}</span> <ServiceLevel ctx={ctx} outcome={entry.serviceLevel} /></p>
        <p>{excerpt(entry.summary, summaryExcerptLength)}</p>
        <EntryFacts ctx={ctx} entry={entry} isDetailed={false} />
        {entry.publicAnswer !== '' && (
          <>
            <h3>{t('register.response')}</h3>
            <p>{excerpt(entry.publicAnswer, responseExcerptLength)}</p>
          </>
        )}
        {/* Inline, so the card ends on its own padding rather than a paragraph's margin. */}
        <a href={href}>{t('register.entry.readMore')}<span class="visually-hidden"> {t('register.entry.readMoreAbout', { registerNumber: entry.registerNumber })}</span></a>
      </article>
    </li>
  );
}

function Pages({ ctx, register }: { ctx: WebContext; register: PublicRegisterPage }) {
  const { t, locale } = ctx;
  if (register.pageCount <= 1) return null;
  const at = (page: number) => listPath({ text: register.text, categoryCode: register.categoryCode, page });
  return (
    <nav aria-label={t('register.pages.label')}>
      <ul class="pagination">
        <li>{register.page > 1 && <a href={at(register.page - 1)} rel="prev">← {t('register.pages.previous')}</a>}</li>
        <li aria-current="page">{t('register.pages.current', { page: formatNumber(locale, register.page), pages: formatNumber(locale, register.pageCount) })}</li>
        <li>{register.page < register.pageCount && <a href={at(register.page + 1)} rel="next">{t('register.pages.next')} →</a>}</li>
      </ul>
    </nav>
  );
}

function NothingPublished({ ctx }: { ctx: WebContext }) {
  const { t } = ctx;
  return (
    <div class="notice">
      <h2>{t('register.empty.title')}</h2>
      <p>{t('register.empty.body')}</p>
      <ul>
        <li><a href="/statistik">{t('register.empty.statistics')}</a></li>
        <li><a href="/lacak">{t('register.empty.track')}</a></li>
      </ul>
    </div>
  );
}

function NoMatch({ ctx }: { ctx: WebContext }) {
  const { t } = ctx;
  return (
    <div class="notice">
      <h2>{t('register.noMatch.title')}</h2>
      <p>{t('register.noMatch.body')}</p>
      <p><a href="/publik">{t('register.noMatch.showAll')}</a></p>
    </div>
  );
}
