import { Layout } from '../../kit/layout.js';
import type { WebContext } from '../../kit/web-context.js';

/** The receipt once shown, expired or never there: where to go instead. */
export function ReceiptGonePage({ ctx }: { ctx: WebContext }) {
  return (
    <Layout ctx={ctx} title={ctx.t('receipt.gone.title')}>
      <h1>{ctx.t('receipt.gone.title')}</h1>
      <p>{ctx.t('receipt.gone.body')}</p>
      <p><a class="button" href="/lacak">{ctx.t('receipt.track')}</a></p>
    </Layout>
  );
}
