import { maxAttachmentBytes, maxAttachmentsPerRequest } from '../../../../domain/complaint/attachment-policy.js';
import type { ComplaintStatus } from '../../../../domain/complaint/complaint-status.js';
import type { DeadlineStatus } from '../../../../domain/service-level/deadline-status.js';
import type { ReporterCorrectiveAction, ReporterHistoryEntry, ReporterView } from '../../../../domain/views/reporter-view.js';
import { statusLabels } from '../../../../i18n/status-labels.js';
import type { MessageKey } from '../../../../i18n/web/catalog.js';
import { formatDate, formatDateTime, zoneLabel } from '../../kit/format.js';
import { durationText } from '../../kit/duration-text.js';
import { Layout } from '../../kit/layout.js';
import type { WebContext } from '../../kit/web-context.js';
import { describedBy, ErrorSummary, errorFor, FieldErrorMessage, titleWithErrors, type FieldError } from '../../kit/form-errors.js';
import type { ReporterCase } from '../../../../app/tracking/get-reporter-case.js';
import { casePath, signOutPath } from './reporter-session.js';
import { fileSizeInWords, spanInWords } from './time-left.js';

/** The forms on the case page, each named for the notice that follows its success. */
export const caseForms = {
  answer: { path: `${casePath}/jawab`, done: 'jawab' },
  message: { path: `${casePath}/pesan`, done: 'pesan' },
  evidence: { path: `${casePath}/bukti`, done: 'bukti' },
  rate: { path: `${casePath}/nilai`, done: 'nilai' },
  appeal: { path: `${casePath}/banding`, done: 'banding' },
  withdraw: { path: `${casePath}/cabut`, done: 'cabut' },
} as const;
export type CaseForm = keyof typeof caseForms;

export const fieldIds = {
  answer: 'jawaban',
  message: 'pesan',
  evidence: 'berkas',
  rating: 'nilai-1',
  ratingComment: 'nilai-komentar',
  appeal: 'keberatan',
  withdrawReason: 'alasan-pencabutan',
} as const;

const doneNotices: Record<string, MessageKey> = {
  jawab: 'track.done.answer',
  pesan: 'track.done.message',
  bukti: 'track.done.evidence',
  nilai: 'track.done.rate',
  banding: 'track.done.appeal',
  cabut: 'track.done.withdraw',
};

export function doneNoticeOf(query: unknown): MessageKey | undefined {
  return typeof query === 'string' ? doneNotices[query] : undefined;
}

/** A refused post: which form, what was wrong, and what was typed (never a file: browsers cannot refill those). */
export interface CaseFormFailure {
  form: CaseForm;
  errors: FieldError[];
  values: Record<string, string>;
  /** A refusal that concerns the whole form rather than one field. */
  problem?: string;
}

interface CasePageProps {
  ctx: WebContext;
  data: ReporterCase;
  now: Date;
  done?: MessageKey | undefined;
  failure?: CaseFormFailure | undefined;
}

const statusTag: Partial<Record<ComplaintStatus, string>> = {
  needs_info: 'tag tag--warn', responded: 'tag tag--ok', closed: 'tag tag--ok', rejected: 'tag tag--error', withdrawn: 'tag tag--error',
};

/** `/lacak/kasus`: where the complaint stands, what happened, and what the reporter may do now. */
export function CasePage({ ctx, data, now, done, failure }: CasePageProps) {
  const { t, locale } = ctx;
  const { view, actions } = data;
  const { question, response } = view;
  const at = (date: Date) => formatDateTime(locale, date, data.timeZone);
  const errors = failure?.errors ?? [];
  const valuesOf = (form: CaseForm) => (failure?.form === form ? failure.values : {});
  const errorsOf = (form: CaseForm) => (failure?.form === form ? errors : []);
  const title = t('track.case.title', { registerNumber: view.registerNumber });
  return (
    <Layout ctx={ctx} title={titleWithErrors(ctx, title, failure !== undefined)} scripts={['file-limits.js', 'track.js']}>
      {failure !== undefined && (
        <ErrorSummary ctx={ctx} errors={errors}>
          {failure.problem !== undefined && <p>{failure.problem}</p>}
        </ErrorSummary>
      )}
      {done !== undefined && <div class="notice notice--success" role="status"><p>{t(done)}</p></div>}

      {/* A caption above the number, so that a phone never breaks the number at its hyphen. */}
      <h1><span class="field__hint lead">{t('track.case.caption')}</span> {view.registerNumber}</h1>
      <div class="panel panel--wash">
        <p><strong>{t('track.case.status')}:</strong> <span class={statusTag[view.status] ?? 'tag'}>{statusLabels[view.status][locale]}</span></p>
        <p>{t(`track.status.${view.status}`)}</p>
      </div>
      <dl class="facts">
        <dt>{t('track.case.subject')}</dt><dd>{view.title}</dd>
        <dt>{t('track.case.submittedAt')}</dt><dd><time dateTime={view.submittedAt.toISOString()}>{at(view.submittedAt)}</time></dd>
        {view.receivedAt.getTime() !== view.submittedAt.getTime() && (
          <><dt>{t('track.case.receivedAt')}</dt><dd><time dateTime={view.receivedAt.toISOString()}>{at(view.receivedAt)}</time></dd></>
        )}
      </dl>
      <p class="hint small">{t('track.case.zoneNote', { zone: zoneLabel(data.timeZone) })}</p>

      {question !== null && actions.has('answer') && (
        <section aria-labelledby="question-heading">
          <h2 id="question-heading">{t('track.question.heading')}</h2>
          <div class="panel">
            <TextBlock text={question.text} />
            <p class="hint small">{t('track.question.askedAt', { date: at(question.askedAt) })}</p>
          </div>
          <p>{t('track.question.paused')}</p>
          <div class="notice notice--warning"><p>{t('track.question.closes', { duration: durationText(ctx, question.closesAfter), date: at(question.closesAt) })}</p></div>
          <form method="post" action={caseForms.answer.path} novalidate>
            <input type="hidden" name="_csrf" value={ctx.csrfToken} />
            <TextArea ctx={ctx} id={fieldIds.answer} name="text" label={t('track.answer.label')} hint={t('track.answer.hint')}
              value={valuesOf('answer').text} error={errorFor(errorsOf('answer'), fieldIds.answer)} />
            <button type="submit" class="button">{t('track.answer.submit')}</button>
          </form>
        </section>
      )}

      {response !== null && (
        <section aria-labelledby="response-heading">
          <h2 id="response-heading">{t('track.response.heading')}</h2>
          <dl class="facts">
            <dt>{t('track.response.sentAt')}</dt><dd><time dateTime={response.sentAt.toISOString()}>{at(response.sentAt)}</time></dd>
            <dt>{t('track.response.finding')}</dt><dd>{t(`track.finding.${response.finding}`)}</dd>
          </dl>
          <h3 class="visually-hidden">{t('track.response.text')}</h3>
          <div class="panel"><TextBlock text={response.text} /></div>
          <p><a href={`${casePath}/surat`} download>{t('track.response.letter')}</a></p>
        </section>
      )}

      {view.correctiveActions.length > 0 && <CorrectiveActions ctx={ctx} actions={view.correctiveActions} today={now} timeZone={data.timeZone} />}

      {actions.has('rate') && <RateForm ctx={ctx} values={valuesOf('rate')} errors={errorsOf('rate')} />}
      {actions.has('appeal') && (
        <section aria-labelledby="appeal-heading">
          <h2 id="appeal-heading">{t('track.appeal.heading')}</h2>
          <p>{t('track.appeal.intro')}</p>
          <form method="post" action={caseForms.appeal.path} novalidate>
            <input type="hidden" name="_csrf" value={ctx.csrfToken} />
            <TextArea ctx={ctx} id={fieldIds.appeal} name="reasons" label={t('track.appeal.label')} hint={t('track.appeal.hint')}
              value={valuesOf('appeal').reasons} error={errorFor(errorsOf('appeal'), fieldIds.appeal)} />
            <button type="submit" class="button">{t('track.appeal.submit')}</button>
          </form>
        </section>
      )}

      {view.deadlines.length > 0 && <Deadlines ctx={ctx} deadlines={view.deadlines} now={now} at={at} />}

      <WhatYouReported ctx={ctx} view={view} />

      <section aria-labelledby="history-heading">
        <h2 id="history-heading">{t('track.history.heading')}</h2>
        <ol class="timeline">
          {view.history.map((entry) => <HistoryItem ctx={ctx} entry={entry} at={at} />)}
        </ol>
      </section>

      <section aria-labelledby="evidence-heading">
        <h2 id="evidence-heading">{t('track.evidence.heading')}</h2>
        {view.attachments.length === 0 ? <p>{t('track.evidence.none')}</p> : (
          <div class="table-wrap">
            <table>
              <thead><tr><th scope="col">{t('track.evidence.file')}</th><th scope="col" class="number">{t('track.evidence.size')}</th><th scope="col">{t('track.evidence.addedAt')}</th></tr></thead>
              <tbody>
                {view.attachments.map((attachment) => (
                  <tr>
                    <td>{attachment.fileName}</td>
                    <td class="number">{fileSizeInWords(locale, attachment.sizeBytes)}</td>
                    <td><time dateTime={attachment.addedAt.toISOString()}>{at(attachment.addedAt)}</time></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {actions.has('add_evidence') && <EvidenceForm ctx={ctx} errors={errorsOf('evidence')} />}
      </section>

      {actions.has('message') && (
        <section aria-labelledby="message-heading">
          <h2 id="message-heading">{t('track.message.heading')}</h2>
          <form method="post" action={caseForms.message.path} novalidate>
            <input type="hidden" name="_csrf" value={ctx.csrfToken} />
            <TextArea ctx={ctx} id={fieldIds.message} name="text" label={t('track.message.label')} hint={t('track.message.hint')}
              value={valuesOf('message').text} error={errorFor(errorsOf('message'), fieldIds.message)} />
            <button type="submit" class="button">{t('track.message.submit')}</button>
          </form>
        </section>
      )}

      {actions.has('withdraw') && (
        <section aria-labelledby="withdraw-heading">
          <h2 id="withdraw-heading">{t('track.withdraw.heading')}</h2>
          <p>{t('track.withdraw.intro')}</p>
          <p><a class="button button--secondary" href={caseForms.withdraw.path}>{t('track.withdraw.start')}</a></p>
        </section>
      )}

      <SignOut ctx={ctx} />
    </Layout>
  );
}

/** The way out, and a reminder that the session ends by itself. */
export function SignOut({ ctx }: { ctx: WebContext }) {
  return (
    <div class="panel panel--wash">
      <p>{ctx.t('track.case.session')}</p>
      <form method="post" action={signOutPath}>
        <input type="hidden" name="_csrf" value={ctx.csrfToken} />
        <button type="submit" class="button button--secondary">{ctx.t('track.case.signOut')}</button>
      </form>
    </div>
  );
}

/** Text someone wrote, its paragraphs and line breaks kept (no markup: Preact escapes it). */
export function TextBlock({ text }: { text: string }) {
  return (
    <>
      {text.split(/\n\s*\n/).map((paragraph) => {
        const lines = paragraph.split('\n');
        return <p>{lines.map((line, index) => (index === 0 ? line : <><br />{line}</>))}</p>;
      })}
    </>
  );
}

interface TextAreaProps {
  ctx: WebContext;
  id: string;
  name: string;
  label: string;
  hint?: string;
  value: string | undefined;
  error: string | undefined;
  rows?: number;
}

export function TextArea({ ctx, id, name, label, hint, value, error, rows = 5 }: TextAreaProps) {
  return (
    <div class={error ? 'field field--error' : 'field'}>
      <label for={id}>{label}</label>
      {hint !== undefined && <span class="field__hint" id={`${id}-hint`}>{hint}</span>}
      <FieldErrorMessage ctx={ctx} id={id} message={error} />
      <textarea id={id} name={name} rows={rows} aria-describedby={describedBy(id, { hint: hint !== undefined, error })} aria-invalid={error ? 'true' : undefined}>
        {value ?? ''}
      </textarea>
    </div>
  );
}

function RateForm({ ctx, values, errors }: { ctx: WebContext; values: Record<string, string>; errors: readonly FieldError[] }) {
  const { t } = ctx;
  const ratingError = errorFor(errors, fieldIds.rating);
  return (
    <section aria-labelledby="rate-heading">
      <h2 id="rate-heading">{t('track.rate.heading')}</h2>
      <form method="post" action={caseForms.rate.path} novalidate>
        <input type="hidden" name="_csrf" value={ctx.csrfToken} />
        <div class={ratingError ? 'field field--error' : 'field'}>
          <fieldset aria-describedby={describedBy('nilai', { hint: true, error: ratingError })}>
            <legend>{t('track.rate.legend')}</legend>
            <span class="field__hint" id="nilai-hint">{t('track.rate.closes')}</span>
            <FieldErrorMessage ctx={ctx} id="nilai" message={ratingError} />
            {([1, 2, 3, 4, 5] as const).map((rating) => (
              <div class="choice">
                <input type="radio" id={`nilai-${rating}`} name="rating" value={String(rating)} checked={values.rating === String(rating)} />
                <label for={`nilai-${rating}`}>{t(`track.rate.${rating}`)}</label>
              </div>
            ))}
          </fieldset>
        </div>
        <TextArea ctx={ctx} id={fieldIds.ratingComment} name="comment" label={t('track.rate.comment')} rows={3}
          value={values.comment} error={errorFor(errors, fieldIds.ratingComment)} />
        <button type="submit" class="button">{t('track.rate.submit')}</button>
      </form>
    </section>
  );
}

function EvidenceForm({ ctx, errors }: { ctx: WebContext; errors: readonly FieldError[] }) {
  const { t } = ctx;
  const error = errorFor(errors, fieldIds.evidence);
  return (
    <form method="post" action={caseForms.evidence.path} encType="multipart/form-data" novalidate>
      {/* First, so that the form token arrives before any file. */}
      <input type="hidden" name="_csrf" value={ctx.csrfToken} />
      <h3>{t('track.evidence.addHeading')}</h3>
      <div class={error ? 'field field--error' : 'field'}>
        <label for={fieldIds.evidence}>{t('track.evidence.label')}</label>
        <span class="field__hint" id={`${fieldIds.evidence}-hint`}>{t('track.evidence.hint')}</span>
        <FieldErrorMessage ctx={ctx} id={fieldIds.evidence} message={error} />
        <input type="file" id={fieldIds.evidence} name="attachments" multiple
          aria-describedby={`${describedBy(fieldIds.evidence, { hint: true, error })} ${fieldIds.evidence}-limits`} aria-invalid={error ? 'true' : undefined}
          data-server-invalid={error ? 'true' : undefined} data-max-bytes={String(maxAttachmentBytes)} data-max-files={String(maxAttachmentsPerRequest)}
          data-too-large={t('track.evidence.tooLargeNow')} data-too-many={t('track.evidence.tooManyNow', { max: maxAttachmentsPerRequest })} />
        <div id={`${fieldIds.evidence}-limits`} aria-live="polite" />
      </div>
      <button type="submit" class="button">{t('track.evidence.submit')}</button>
    </form>
  );
}

const factOrder = ['what', 'where', 'when', 'who', 'how', 'why'] as const;

/** The reporter's own words, given back to them: the description and each 5W1H answer. */
function WhatYouReported({ ctx, view }: { ctx: WebContext; view: ReporterView }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="reported-heading">
      <h2 id="reported-heading">{t('track.reported.heading')}</h2>
      <h3>{t('track.reported.description')}</h3>
      <div class="panel"><TextBlock text={view.description} /></div>
      <h3>{t('track.reported.facts')}</h3>
      <dl class="facts">
        {factOrder.map((fact) => {
          const answer = view.facts[fact]?.trim() ?? '';
          if (fact === 'why' && answer === '') return null;
          return <><dt>{t(`form.fact.${fact}`)}</dt><dd>{answer === '' ? <span class="hint">{t('track.reported.notAnswered')}</span> : answer}</dd></>;
        })}
      </dl>
    </section>
  );
}

/** What the body undertook to put right, each with its due date and how far it got. */
function CorrectiveActions({ ctx, actions, today, timeZone }: { ctx: WebContext; actions: readonly ReporterCorrectiveAction[]; today: Date; timeZone: string }) {
  const { t, locale } = ctx;
  // The due date is a day in the unit's calendar: it is late from the day after.
  const todayThere = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(today);
  return (
    <section aria-labelledby="corrective-heading">
      <h2 id="corrective-heading">{t('track.corrective.heading')}</h2>
      <p>{t('track.corrective.lead')}</p>
      <div class="table-wrap">
        <table>
          <thead><tr><th scope="col">{t('track.corrective.action')}</th><th scope="col">{t('track.corrective.dueOn')}</th><th scope="col">{t('track.corrective.status')}</th></tr></thead>
          <tbody>
            {actions.map((action) => {
              const isLate = action.status === 'open' && action.dueOn < todayThere;
              return (
                <tr>
                  <td>{action.description}</td>
                  <td><time dateTime={action.dueOn}>{formatDate(locale, new Date(`${action.dueOn}T00:00:00Z`), 'UTC')}</time></td>
                  <td>
                    <span class={action.status === 'completed' ? 'tag tag--ok' : isLate ? 'tag tag--error' : 'tag'}>
                      {t(action.status === 'completed' ? 'track.corrective.completed' : isLate ? 'track.corrective.late' : 'track.corrective.open')}
                    </span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

const deadlineTag: Record<DeadlineStatus['state'], string> = {
  running: 'tag', paused: 'tag', due_soon: 'tag tag--warn', overdue: 'tag tag--error', met: 'tag tag--ok', missed: 'tag tag--error',
};

/** Each promised deadline: where it stands in a word, then how much time is left or when it was met. */
function Deadlines({ ctx, deadlines, now, at }: { ctx: WebContext; deadlines: readonly DeadlineStatus[]; now: Date; at: (date: Date) => string }) {
  const { t, locale } = ctx;
  const detail = (deadline: DeadlineStatus): string | null => {
    const left = spanInWords(locale, deadline.dueAt.getTime() - now.getTime()) ?? t('track.deadline.lessThanAMinute');
    switch (deadline.state) {
      case 'running':
      case 'due_soon': return t('track.deadline.left', { left });
      case 'overdue': return t('track.deadline.late', { left });
      case 'paused': return t('track.deadline.untilAnswered');
      case 'met': return deadline.metAt ? t('track.deadline.metAt', { date: at(deadline.metAt) }) : null;
      case 'missed': return deadline.metAt ? t('track.deadline.metLateAt', { date: at(deadline.metAt) }) : null;
    }
  };
  return (
    <section aria-labelledby="deadlines-heading">
      <h2 id="deadlines-heading">{t('track.deadlines.heading')}</h2>
      <dl class="facts">
        {deadlines.map((deadline) => {
          const more = detail(deadline);
          return (
            <>
              <dt>{t(`track.deadline.${deadline.kind}`)}</dt>
              <dd>
                <span class={deadlineTag[deadline.state]}>{t(`track.deadline.state.${deadline.state}`)}</span>
                {more !== null && <> {more}</>}
                <br />
                <span class="hint small">{t('track.deadline.dueAt')} <time dateTime={deadline.dueAt.toISOString()}>{at(deadline.dueAt)}</time></span>
              </dd>
            </>
          );
        })}
      </dl>
    </section>
  );
}

function HistoryItem({ ctx, entry, at }: { ctx: WebContext; entry: ReporterHistoryEntry; at: (date: Date) => string }) {
  const { t, locale } = ctx;
  const when = <time dateTime={entry.at.toISOString()}>{at(entry.at)}</time>;
  switch (entry.kind) {
    case 'acknowledged':
      return <li>{when}<p>{t('track.history.acknowledged', { registerNumber: entry.registerNumber })}</p></li>;
    case 'status_changed':
      return <li>{when}<p>{t('track.history.statusChanged', { status: statusLabels[entry.status][locale] })}</p></li>;
    case 'message_from_reporter':
      return <li>{when}<p><strong>{t('track.history.fromReporter')}</strong></p><TextBlock text={entry.text} /></li>;
    case 'message_to_reporter':
      return <li>{when}<p><strong>{t('track.history.toReporter')}</strong></p><TextBlock text={entry.text} /></li>;
    case 'attachment_added':
      return <li>{when}<p>{t(entry.by === 'staff' ? 'track.history.attachmentByStaff' : 'track.history.attachmentByReporter', { fileName: entry.fileName })}</p></li>;
  }
}
