import type { IssuedLetterFacts } from '../../../../app/letters/verify-issued-letter.js';
import { formatDate } from '../../kit/format.js';
import { Layout } from '../../kit/layout.js';
import type { WebContext } from '../../kit/web-context.js';

/** `/verifikasi`: the form to type a code, with a message when a typed code names no letter. */
export function VerificationFormPage({ ctx, typed, isUnknown }: { ctx: WebContext; typed: string; isUnknown: boolean }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('verification.title')}>
      <h1>{t('verification.title')}</h1>
      <p class="lead">{t('verification.lead')}</p>
      <form method="get" action="/verifikasi" novalidate>
        <div class={isUnknown ? 'field field--error' : 'field'}>
          <label for="kode">{t('verification.code.label')}</label>
          <span id="kode-hint" class="hint">{t('verification.code.hint')}</span>
          {isUnknown && <span id="kode-error" class="field__error">{t('verification.code.unknown')}</span>}
          <input id="kode" name="kode" type="text" value={typed} autocomplete="off" autocapitalize="characters" spellcheck={false} maxLength={40}
            aria-describedby={isUnknown ? 'kode-hint kode-error' : 'kode-hint'} />
        </div>
        <button type="submit" class="button">{t('verification.code.submit')}</button>
      </form>
    </Layout>
  );
}

export type FileCheck = { kind: 'match' } | { kind: 'mismatch' } | { kind: 'missing' } | { kind: 'too_large' };

/** `/verifikasi/<code>`: the public facts of one letter, and a form to compare a file with it. */
export function VerificationLetterPage({ ctx, letter, check }: { ctx: WebContext; letter: IssuedLetterFacts; check?: FileCheck }) {
  const { t, locale } = ctx;
  const title = t('verification.letter.title', { code: letter.code });
  const signer = [letter.signerName, letter.signerPosition, letter.signerUnit].filter((part) => part !== '').join(', ');
  const fileError = check?.kind === 'missing' ? t('verification.file.missing') : check?.kind === 'too_large' ? t('verification.file.tooLarge') : undefined;
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      {check?.kind === 'match' && <div class="notice notice--success" role="status"><p>{t('verification.file.match')}</p></div>}
      {check?.kind === 'mismatch' && <div class="notice notice--warning" role="status"><p>{t('verification.file.mismatch', { sha256: letter.sha256 })}</p></div>}
      <p>{t('verification.letter.genuine')}</p>
      <dl class="facts">
        <dt>{t('verification.letter.registerNumber')}</dt><dd>{letter.registerNumber}</dd>
        <dt>{t('verification.letter.letterNumber')}</dt><dd>{letter.letterNumber}</dd>
        <dt>{t('verification.letter.date')}</dt><dd>{formatDate(locale, letter.signedAt, letter.timeZone)}</dd>
        <dt>{t('verification.letter.signer')}</dt><dd>{signer}</dd>
        <dt>{t('verification.letter.signature')}</dt><dd>{letter.isSignedElectronically ? t('verification.letter.signed') : t('verification.letter.unsigned')}</dd>
        <dt>{t('verification.letter.sha256')}</dt><dd><code style="word-break: break-all">{letter.sha256}</code></dd>
      </dl>
      <h2>{t('verification.file.title')}</h2>
      <form method="post" action={`/verifikasi/${letter.code}`} enctype="multipart/form-data" novalidate>
        <div class={fileError ? 'field field--error' : 'field'}>
          <label for="berkas">{t('verification.file.label')}</label>
          <span id="berkas-hint" class="hint">{t('verification.file.hint')}</span>
          {fileError && <span id="berkas-error" class="field__error">{fileError}</span>}
          <input id="berkas" name="berkas" type="file" accept="application/pdf,.pdf" aria-describedby={fileError ? 'berkas-hint berkas-error' : 'berkas-hint'} />
        </div>
        <button type="submit" class="button">{t('verification.file.submit')}</button>
      </form>
      <p class="hint">{t('verification.privacy')}</p>
      <p><a href="/verifikasi">{t('verification.another')}</a></p>
    </Layout>
  );
}
