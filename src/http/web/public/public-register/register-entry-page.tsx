import type { PublicRegisterEntry } from '../../../../app/public-register/public-register-entry.js';
import { Layout } from '../../kit/layout.js';
import type { WebContext } from '../../kit/web-context.js';
import { EntryFacts, EntryTitle } from './entry-facts.js';
import { Paragraphs } from './paragraphs.js';

/** `/publik/<register number>`: one published case, whole. */
export function RegisterEntryPage({ ctx, entry }: { ctx: WebContext; entry: PublicRegisterEntry }) {
  const { t } = ctx;
  const title = t('register.entry.title', { registerNumber: entry.registerNumber });
  return (
    <Layout ctx={ctx} title={title}>
      <p><a href="/publik">← {t('register.entry.back')}</a></p>
      <article aria-labelledby="entry-title">
        <h1 id="entry-title"><EntryTitle ctx={ctx} registerNumber={entry.registerNumber} /></h1>
        <EntryFacts ctx={ctx} entry={entry} isDetailed={true} />
        <h2>{t('register.summary')}</h2>
        <Paragraphs text={entry.summary} />
        {entry.publicAnswer !== '' && (
          <>
            <h2>{t('register.response')}</h2>
            <div class="notice">
              <Paragraphs text={entry.publicAnswer} />
            </div>
          </>
        )}
        <p class="hint">{t('register.entry.note')}</p>
      </article>
    </Layout>
  );
}
