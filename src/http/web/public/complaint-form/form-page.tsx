import { defaultTimeZone } from '../../../../domain/service-level/working-calendar.js';
import type { ComponentChildren } from 'preact';
import type { PublicCategory } from '../../../../app/intake/list-public-categories.js';
import { allowedAttachmentTypes, maxAttachmentBytes, maxAttachmentsPerRequest } from '../../../../domain/complaint/attachment-policy.js';
import { assessCompleteness, requiredFacts, type RequiredFact } from '../../../../domain/complaint/completeness.js';
import { fieldMessage } from '../../../../i18n/problem-messages.js';
import type { MessageKey } from '../../../../i18n/web/catalog.js';
import { formatNumber, formatTime } from '../../kit/format.js';
import { Layout } from '../../kit/layout.js';
import type { WebContext } from '../../kit/web-context.js';
import { fieldId, type FormField, type FormProblem, type FormValues } from './form-values.js';

export interface FormPageProps {
  ctx: WebContext;
  values: FormValues;
  problems: FormProblem[];
  categories: PublicCategory[];
  /** The signed ALTCHA challenge (JSON) the enhancement script solves. */
  challenge: string;
  /** Names of the files sent with a refused form: they have to be chosen again. */
  filesToChooseAgain: string[];
}

const labelKeys: Record<FormField, MessageKey> = {
  identity: 'form.field.identity', name: 'form.field.name', nik: 'form.field.nik', email: 'form.field.email', phone: 'form.field.phone',
  address: 'form.field.address', title: 'form.field.title', description: 'form.field.description', category: 'form.field.category', concerns: 'form.field.concerns',
  what: 'form.field.what', who: 'form.field.who', when: 'form.field.when', where: 'form.field.where', why: 'form.field.why', how: 'form.field.how',
  location: 'form.field.location', attachments: 'form.field.attachments', allowPublication: 'form.publication',
};

/** The questions in the order the form asks them. */
const checklistOrder: readonly RequiredFact[] = ['what', 'who', 'when', 'where', 'how'];

const checklistKeys: Record<RequiredFact, MessageKey> = {
  what: 'form.checklist.what', who: 'form.checklist.who', when: 'form.checklist.when', where: 'form.checklist.where', how: 'form.checklist.how',
};

/** Extensions and media types for the file picker; the server still checks the content itself. */
const acceptedFiles = ['image/*', 'video/*', 'audio/*', '.pdf', '.txt', '.rtf', '.doc', '.docx', '.xls', '.xlsx', '.pptx', '.odt', '.ods', '.heic', '.heif', '.amr', '.opus', '.3gp', '.mkv', ...allowedAttachmentTypes].join(',');

/** One sentence per problem, naming its field, as GOV.UK's error messages do; the same text in the summary and beside the field. */
type TextField = Exclude<FormField, 'identity' | 'attachments' | 'allowPublication'>;

function isTextField(field: FormField): field is TextField {
  return field !== 'identity' && field !== 'attachments' && field !== 'allowPublication';
}

export function problemMessage(ctx: WebContext, values: FormValues, problem: FormProblem): string {
  const { t, locale } = ctx;
  const field = problem.field;
  const label = field ? t(labelKeys[field]) : '';
  const params = problem.params ?? {};
  const limit = typeof params.limit === 'number' ? formatNumber(locale, params.limit) : String(params.limit ?? '');
  const isEmpty = field !== undefined && isTextField(field) && values[field].trim() === '';
  switch (problem.code) {
    case 'required':
      if (field === 'identity') return t('form.error.identity');
      if (field === 'name') return t('form.error.name');
      break;
    case 'minLength':
      if (isEmpty && field === 'title') return t('form.error.titleMissing');
      if (isEmpty && field === 'description') return t('form.error.descriptionMissing');
      return t('form.error.tooShort', { field: label, limit });
    case 'maxLength':
      return t('form.error.tooLong', { field: label, limit });
    case 'contact_required':
      return t('form.error.contact');
    case 'nik':
      return t('form.error.nik');
    case 'pattern':
      if (field === 'nik') return t('form.error.nik');
      if (field === 'phone') return t('form.error.phone');
      break;
    case 'format':
      if (field === 'email') return t('form.error.email');
      break;
    case 'unknown_category':
      return t('form.error.category');
    case 'location':
    case 'minimum':
    case 'maximum':
      if (field === 'location') return t('form.error.location');
      break;
    case 'attachment_type':
      return t('form.error.attachmentType', { file: String(params.fileName ?? '') });
    case 'attachment_size':
      return t('form.error.attachmentSize', { file: String(params.fileName ?? '') });
    case 'attachment_count':
      return t('form.error.attachmentCount', { max: maxAttachmentsPerRequest });
    case 'honeypot':
      return t('form.error.honeypot');
  }
  const message = fieldMessage(locale, problem.code, params);
  return label ? t('form.error.other', { field: label, message }) : message;
}

/** "Too many complaints from your network in an hour. Try again at 10.42 WIB." */
function RateLimited({ ctx, params }: { ctx: WebContext; params: Record<string, unknown> }) {
  const { t, locale } = ctx;
  const retryAt = new Date(String(params.retryAt ?? ''));
  const timeZone = typeof params.timeZone === 'string' ? params.timeZone : defaultTimeZone;
  const time = Number.isNaN(retryAt.getTime()) ? null : formatTime(locale, retryAt, timeZone);
  return (
    <div class="notice notice--warning" role="alert" tabIndex={-1} autofocus data-error-summary>
      <h2>{time === null ? t('form.rateLimited.title') : t('form.rateLimited.until', { time })}</h2>
      <p>{t('form.rateLimited.why')}</p>
      <p>{t('form.keptNotice')}</p>
    </div>
  );
}

export function ComplaintFormPage({ ctx, values, problems, categories, challenge, filesToChooseAgain }: FormPageProps) {
  const { t, locale } = ctx;
  const errors = new Map<FormField, string>();
  for (const problem of problems) if (problem.field && !errors.has(problem.field)) errors.set(problem.field, problemMessage(ctx, values, problem));
  const field = (name: TextField) => ({ ctx, field: name, value: values[name], error: errors.get(name) });
  // Too many from this network is not a mistake in the form: it gets its own message, with
  // the time to come back, and the summary lists only what the reporter can correct.
  const rateLimited = problems.find((problem) => problem.code === 'without_proof_limit');
  const corrections = problems.filter((problem) => problem !== rateLimited);
  const title = corrections.length > 0 ? `${t('form.errorPrefix')} ${t('form.title')}` : rateLimited ? `${t('form.rateLimited.title')} ${t('form.title')}` : t('form.title');

  return (
    <Layout ctx={ctx} title={title} scripts={['file-limits.js', 'complaint-form.js']}>
      {rateLimited !== undefined && <RateLimited ctx={ctx} params={rateLimited.params ?? {}} />}
      {corrections.length > 0 && (
        <div class="error-summary" aria-labelledby="error-summary-title" tabIndex={-1} autofocus data-error-summary>
          <h2 id="error-summary-title">{t('form.errorSummary.title')}</h2>
          <p>{t('form.keptNotice')}</p>
          <ul>
            {corrections.map((problem) => {
              const message = problemMessage(ctx, values, problem);
              return <li>{problem.field ? <a href={`#${fieldId(problem.field)}`}>{message}</a> : message}</li>;
            })}
          </ul>
        </div>
      )}
      <h1>{t('form.title')}</h1>
      <p class="lead">{t('form.lead')}</p>

      <form method="post" action="/pengaduan/baru" enctype="multipart/form-data" novalidate data-complaint-form data-challenge={challenge}>
        <input type="hidden" name="_csrf" value={ctx.csrfToken} />
        <input type="hidden" name="altcha" value="" />

        <IdentityChoice ctx={ctx} values={values} error={errors.get('identity')} />

        <fieldset class="field" id="person" data-person aria-describedby="person-hint">
          <legend><h2>{t('form.person.legend')}</h2></legend>
          <span id="person-hint" class="field__hint">{t('form.person.hint')}</span>
          <TextInput {...field('name')} label={t('form.name')} autocomplete="name" />
          <TextInput {...field('email')} label={t('form.email')} hint={t(ctx.isMailEnabled ? 'form.emailHint' : 'form.emailHint.mailOff')} type="email" autocomplete="email" />
          <TextInput {...field('phone')} label={t('form.phone')} type="tel" autocomplete="tel" />
          <TextArea {...field('address')} label={t('form.address')} rows={2} autocomplete="street-address" />
          <TextInput {...field('nik')} label={t('form.nik')} hint={t('form.nikHint')} inputMode="numeric" autocomplete="off" short optional />
        </fieldset>

        <fieldset class="field">
          <legend><h2>{t('form.complaint.legend')}</h2></legend>
          <TextInput {...field('title')} label={t('form.titleField')} hint={t('form.titleHint')} />
          <TextArea {...field('description')} label={t('form.description')} hint={t('form.descriptionHint')} rows={6} />
          <Field ctx={ctx} field="category" label={t('form.category')} hint={t('form.categoryHint')} error={errors.get('category')} optional>
            {(describedBy) => (
              <select id="category" name="category" aria-describedby={describedBy} aria-invalid={errors.has('category') ? 'true' : undefined}>
                <option value="">{t('form.categoryNone')}</option>
                {categories.map((category) => <option value={category.code} selected={values.category === category.code}>{category.name[locale]}</option>)}
              </select>
            )}
          </Field>
          <TextArea {...field('concerns')} label={t('form.concerns')} hint={t('form.concernsHint')} rows={2} optional />
        </fieldset>

        <fieldset class="field" aria-describedby="facts-hint">
          <legend><h2>{t('form.facts.legend')}</h2></legend>
          <span id="facts-hint" class="field__hint">{t('form.facts.hint')}</span>
          <TextArea {...field('what')} label={t('form.fact.what')} hint={t('form.fact.whatHint')} rows={3} />
          <TextArea {...field('who')} label={t('form.fact.who')} hint={t('form.fact.whoHint')} rows={3} />
          <TextArea {...field('when')} label={t('form.fact.when')} hint={t('form.fact.whenHint')} rows={2} />
          <TextArea {...field('where')} label={t('form.fact.where')} hint={t('form.fact.whereHint')} rows={2} />
          <TextArea {...field('why')} label={t('form.fact.why')} hint={t('form.fact.whyHint')} rows={2} optional />
          <TextArea {...field('how')} label={t('form.fact.how')} hint={t('form.fact.howHint')} rows={3} />
          <Field ctx={ctx} field="location" label={t('form.location')} hint={t('form.locationHint')} error={errors.get('location')} optional>
            {(describedBy) => (
              <>
                <input type="text" id="location" name="location" value={values.location} inputMode="text" autocomplete="off" class="input--short" aria-describedby={describedBy} aria-invalid={errors.has('location') ? 'true' : undefined} />
                <p hidden data-locate><button type="button" class="button button--secondary">{t('form.locate')}</button></p>
              </>
            )}
          </Field>
        </fieldset>

        <Field ctx={ctx} field="attachments" label={t('form.attachments')} hint={t('form.attachmentsHint')} error={errors.get('attachments')} optional heading>
          {(describedBy) => (
            <>
              {filesToChooseAgain.length > 0 && (
                <p class="notice notice--warning" id="attachments-again">{t('form.attachmentsAgain', { files: filesToChooseAgain.join(', ') })}</p>
              )}
              <input type="file" id="attachments" name="attachments" multiple accept={acceptedFiles}
                aria-describedby={[describedBy, filesToChooseAgain.length > 0 ? 'attachments-again' : undefined, 'attachments-limits'].filter(Boolean).join(' ')}
                aria-invalid={errors.has('attachments') ? 'true' : undefined} data-server-invalid={errors.has('attachments') ? 'true' : undefined}
                data-max-bytes={String(maxAttachmentBytes)} data-max-files={String(maxAttachmentsPerRequest)}
                data-too-large={t('form.fileTooLargeNow')} data-too-many={t('form.tooManyFilesNow', { max: maxAttachmentsPerRequest })} />
              <div id="attachments-limits" aria-live="polite" />
            </>
          )}
        </Field>

        <div class="field">
          <div class="choice">
            <input type="checkbox" id="allow-publication" name="allowPublication" value="yes" checked={values.allowPublication} aria-describedby="allow-publication-hint" />
            <div>
              <label for="allow-publication">{t('form.publication')}</label>
              <span id="allow-publication-hint" class="choice__hint">{t('form.publicationHint')}</span>
            </div>
          </div>
        </div>

        <Checklist ctx={ctx} values={values} />

        <div class="honeypot" aria-hidden="true">
          <label for="website">{t('form.honeypot')}</label>
          <input type="text" id="website" name="website" value="" tabIndex={-1} autocomplete="off" />
        </div>

        <div data-upload-progress hidden>
          <label for="upload-progress">{t('form.uploading')}</label>
          <progress id="upload-progress" max={100} value={0} />
        </div>
        <p role="status" data-submit-status data-waiting={t('form.botCheckWaiting')} data-failed={t('form.sendFailed')} />
        <button type="submit" class="button">{t('form.submit')}</button>
      </form>
    </Layout>
  );
}

function IdentityChoice({ ctx, values, error }: { ctx: WebContext; values: FormValues; error: string | undefined }) {
  const { t } = ctx;
  const modes = [
    { value: 'identified', label: t('form.identity.identified'), hint: t('form.identity.identifiedHint') },
    { value: 'confidential', label: t('form.identity.confidential'), hint: t('form.identity.confidentialHint') },
    { value: 'anonymous', label: t('form.identity.anonymous'), hint: t('form.identity.anonymousHint') },
  ] as const;
  return (
    <div class={error ? 'field field--error' : 'field'}>
      <fieldset aria-describedby={error ? 'identity-hint identity-error' : 'identity-hint'}>
        <legend><h2>{t('form.identity.legend')}</h2></legend>
        <span id="identity-hint" class="field__hint">{t('form.identity.hint')}</span>
        {error && <ErrorMessage ctx={ctx} id="identity-error" message={error} />}
        {modes.map((mode) => (
          <div class="choice">
            <input type="radio" id={`identity-${mode.value}`} name="identity" value={mode.value} checked={values.identity === mode.value} aria-describedby={`identity-${mode.value}-hint`} />
            <div>
              <label for={`identity-${mode.value}`}>{mode.label}</label>
              <span id={`identity-${mode.value}-hint`} class="choice__hint">{mode.hint}</span>
            </div>
          </div>
        ))}
      </fieldset>
      <details>
        <summary>{t('form.anonymity.summary')}</summary>
        <div>
          <ul>
            <li>{t('form.anonymity.1')}</li>
            <li>{t('form.anonymity.2')}</li>
            <li>{t('form.anonymity.3')}</li>
            <li>{t('form.anonymity.4')}</li>
            <li>{t('form.anonymity.5')}</li>
          </ul>
        </div>
      </details>
    </div>
  );
}

/** The five questions a verifier needs, answered or not: from the server, then live from the script. */
function Checklist({ ctx, values }: { ctx: WebContext; values: FormValues }) {
  const { t, locale } = ctx;
  const { missing } = assessCompleteness(values);
  return (
    <section class="panel panel--wash" aria-labelledby="checklist-title" data-checklist data-answered={t('form.checklist.answered')} data-missing={t('form.checklist.missing')} data-score-text={t('form.checklist.score', { count: '{count}', total: '{total}' })}>
      <h2 id="checklist-title">{t('form.checklist.title')}</h2>
      <p>{t('form.checklist.lead')}</p>
      <ul>
        {checklistOrder.map((fact) => {
          const answered = !missing.includes(fact);
          return (
            <li data-fact={fact}>
              <a href={`#fact-${fact}`}>{t(checklistKeys[fact])}</a>{': '}
              <span class={answered ? 'tag tag--ok' : 'tag tag--warn'} data-state>{answered ? t('form.checklist.answered') : t('form.checklist.missing')}</span>
            </li>
          );
        })}
      </ul>
      <p aria-live="polite" data-score>{t('form.checklist.score', { count: formatNumber(locale, requiredFacts.length - missing.length), total: formatNumber(locale, requiredFacts.length) })}</p>
    </section>
  );
}

interface FieldProps {
  ctx: WebContext;
  field: FormField;
  label: string;
  hint?: string | undefined;
  error: string | undefined;
  optional?: boolean;
  /** The label as a section heading (a field that stands alone between fieldsets). */
  heading?: boolean;
  /** Renders the control, given the ids that describe it (hint, error). */
  children: (describedBy: string | undefined) => ComponentChildren;
}

/** A labelled control with its hint and error message, tied together by `aria-describedby`. */
function Field({ ctx, field, label, hint, error, optional, heading, children }: FieldProps) {
  const id = fieldId(field);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const labelText = <>{label}{optional && <span class="field__optional"> {ctx.t('form.optional')}</span>}</>;
  return (
    <div class={error ? 'field field--error' : 'field'}>
      {heading ? <h2><label for={id}>{labelText}</label></h2> : <label for={id}>{labelText}</label>}
      {hint && <span id={hintId} class="field__hint">{hint}</span>}
      {error && errorId && <ErrorMessage ctx={ctx} id={errorId} message={error} />}
      {children(describedBy)}
    </div>
  );
}

function ErrorMessage({ ctx, id, message }: { ctx: WebContext; id: string; message: string }) {
  return <span id={id} class="field__error"><span class="visually-hidden">{ctx.t('form.errorPrefix')} </span>{message}</span>;
}

interface ControlProps {
  ctx: WebContext;
  field: TextField;
  value: string;
  error: string | undefined;
  label: string;
  hint?: string;
  optional?: boolean;
  autocomplete?: string;
}

function TextInput({ type = 'text', inputMode, short, ...props }: ControlProps & { type?: 'text' | 'email' | 'tel'; inputMode?: 'numeric' | 'text'; short?: boolean }) {
  const id = fieldId(props.field);
  return (
    <Field {...props}>
      {(describedBy) => (
        <input type={type as 'text'} id={id} name={props.field} value={props.value} inputMode={inputMode} autocomplete={props.autocomplete} class={short ? 'input--short' : undefined}
          aria-describedby={describedBy} aria-invalid={props.error ? 'true' : undefined} spellcheck={type === 'text' ? undefined : false} />
      )}
    </Field>
  );
}

function TextArea({ rows, ...props }: ControlProps & { rows: number }) {
  const id = fieldId(props.field);
  return (
    <Field {...props}>
      {(describedBy) => (
        <textarea id={id} name={props.field} rows={rows} autocomplete={props.autocomplete} aria-describedby={describedBy} aria-invalid={props.error ? 'true' : undefined} data-fact={id.startsWith('fact-') ? props.field : undefined}>{props.value}</textarea>
      )}
    </Field>
  );
}
