import { Layout } from '../../kit/layout.js';
import type { WebContext } from '../../kit/web-context.js';
import { describedBy, ErrorSummary, errorFor, FieldErrorMessage, titleWithErrors, type FieldError } from '../../kit/form-errors.js';
import { SignOut } from './case-page.js';
import { LostCode } from './lost-code.js';
import { casePath, trackPath } from './reporter-session.js';

export type SignInNotice = 'session_ended' | 'signed_out' | 'still_signed_in';

interface SignInPageProps {
  ctx: WebContext;
  /** What was typed, kept after a refusal; the tracking code never is. */
  registerNumber?: string;
  errors?: readonly FieldError[];
  notice?: SignInNotice | undefined;
}

export const registerNumberId = 'nomor-register';
export const trackingCodeId = 'kode-pelacakan';

/** `/lacak`: register number and tracking code in, the case page out. */
export function SignInPage({ ctx, registerNumber = '', errors = [], notice }: SignInPageProps) {
  const { t } = ctx;
  const numberError = errorFor(errors, registerNumberId);
  const codeError = errorFor(errors, trackingCodeId);
  return (
    <Layout ctx={ctx} title={titleWithErrors(ctx, t('track.signIn.title'), errors.length > 0)} scripts={['track.js']}>
      <ErrorSummary ctx={ctx} errors={errors} />
      {notice === 'session_ended' && <div class="notice notice--warning" role="status"><p>{t('track.signIn.sessionEnded')}</p></div>}
      {notice === 'signed_out' && <div class="notice notice--success" role="status"><p>{t('track.signIn.signedOut')}</p></div>}
      {notice === 'still_signed_in' && (
        <div class="notice">
          <p>{t('track.signIn.stillSignedIn')} <a href={casePath}>{t('track.signIn.openCase')}</a></p>
        </div>
      )}
      <h1>{t('track.signIn.title')}</h1>
      <p class="lead">{t('track.signIn.lead')}</p>
      <form method="post" action={trackPath} novalidate>
        <input type="hidden" name="_csrf" value={ctx.csrfToken} />
        <div class={numberError ? 'field field--error' : 'field'}>
          <label for={registerNumberId}>{t('track.field.registerNumber')}</label>
          <span class="field__hint" id={`${registerNumberId}-hint`}>{t('track.field.registerNumber.hint')}</span>
          <FieldErrorMessage ctx={ctx} id={registerNumberId} message={numberError} />
          <input
            type="text" class="input--short" id={registerNumberId} name="registerNumber" value={registerNumber}
            autocomplete="off" spellcheck={false} maxLength={40} required
            aria-describedby={describedBy(registerNumberId, { hint: true, error: numberError })}
            aria-invalid={numberError ? 'true' : undefined}
          />
        </div>
        <div class={codeError ? 'field field--error' : 'field'}>
          <label for={trackingCodeId}>{t('track.field.trackingCode')}</label>
          <span class="field__hint" id={`${trackingCodeId}-hint`}>{t('track.field.trackingCode.hint')}</span>
          <FieldErrorMessage ctx={ctx} id={trackingCodeId} message={codeError} />
          <input
            type="text" class="input--code" id={trackingCodeId} name="trackingCode" value=""
            autocomplete="off" autocapitalize="characters" spellcheck={false} maxLength={40} required
            aria-describedby={describedBy(trackingCodeId, { hint: true, error: codeError })}
            aria-invalid={codeError ? 'true' : undefined}
          />
        </div>
        <button type="submit" class="button">{t('track.signIn.submit')}</button>
      </form>
      <p class="hint">{t('track.signIn.codeOnce')}</p>
      {notice === 'still_signed_in' && <SignOut ctx={ctx} />}
      <LostCode ctx={ctx} />
    </Layout>
  );
}
