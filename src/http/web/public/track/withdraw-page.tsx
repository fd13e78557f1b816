import { Layout } from '../../kit/layout.js';
import type { WebContext } from '../../kit/web-context.js';
import { caseForms, fieldIds, TextArea } from './case-page.js';
import { ErrorSummary, errorFor, titleWithErrors, type FieldError } from '../../kit/form-errors.js';
import { casePath } from './reporter-session.js';

interface WithdrawPageProps {
  ctx: WebContext;
  registerNumber: string;
  reason?: string | undefined;
  errors?: readonly FieldError[];
  problem?: string | undefined;
}

/** `/lacak/kasus/cabut`: the step between wanting to withdraw and withdrawing, which cannot be undone. */
export function WithdrawPage({ ctx, registerNumber, reason, errors = [], problem }: WithdrawPageProps) {
  const { t } = ctx;
  const title = t('track.withdraw.confirmTitle', { registerNumber });
  return (
    <Layout ctx={ctx} title={titleWithErrors(ctx, title, errors.length > 0 || problem !== undefined)} scripts={['track.js']}>
      {(errors.length > 0 || problem !== undefined) && (
        <ErrorSummary ctx={ctx} errors={errors}>{problem !== undefined && <p>{problem}</p>}</ErrorSummary>
      )}
      <h1>{title}</h1>
      <div class="notice notice--warning"><p><strong>{t('track.withdraw.warning')}</strong></p></div>
      <form method="post" action={caseForms.withdraw.path} novalidate>
        <input type="hidden" name="_csrf" value={ctx.csrfToken} />
        <TextArea ctx={ctx} id={fieldIds.withdrawReason} name="reason" label={t('track.withdraw.label')} hint={t('track.withdraw.hint')}
          value={reason} error={errorFor(errors, fieldIds.withdrawReason)} rows={4} />
        <div class="actions">
          <button type="submit" class="button button--warning">{t('track.withdraw.confirm')}</button>
          <a href={casePath}>{t('track.withdraw.cancel')}</a>
        </div>
      </form>
    </Layout>
  );
}
