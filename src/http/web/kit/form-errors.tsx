import type { FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import type { WebContext } from './web-context.js';

/** One refusal, shown in the summary (linking to the field) and again beside the field. */
export interface FieldError {
  /** The id of the input it concerns, the summary's link target. */
  fieldId: string;
  message: string;
}

/** A form post's fields as plain strings (a repeated field keeps its first value). */
export function formFields(request: FastifyRequest): Record<string, string> {
  const body = (request.body ?? {}) as Record<string, unknown>;
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(body)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === 'string') fields[name] = first;
  }
  return fields;
}

export function errorFor(errors: readonly FieldError[], fieldId: string): string | undefined {
  return errors.find((error) => error.fieldId === fieldId)?.message;
}

/** GOV.UK's "There is a problem": first on the page, focused by track.js, each item a link. */
export function ErrorSummary({ ctx, errors, children }: { ctx: WebContext; errors: readonly FieldError[]; children?: ComponentChildren }) {
  if (errors.length === 0 && children === undefined) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} data-error-summary="">
      <h2 id="error-summary-title">{ctx.t('track.error.summaryTitle')}</h2>
      {children}
      {errors.length > 0 && (
        <ul>
          {errors.map((error) => <li><a href={`#${error.fieldId}`}>{error.message}</a></li>)}
        </ul>
      )}
    </div>
  );
}

/** The words of an error beside its field, read out with the field by screen readers. */
export function FieldErrorMessage({ ctx, id, message }: { ctx: WebContext; id: string; message: string | undefined }) {
  if (message === undefined) return null;
  return <span class="field__error" id={`${id}-error`}><span class="visually-hidden">{ctx.t('track.error.titlePrefix')}: </span>{message}</span>;
}

/** aria-describedby for a field: its hint, then its error when there is one. */
export function describedBy(id: string, options: { hint?: boolean; error?: string | undefined }): string | undefined {
  const ids = [options.hint ? `${id}-hint` : '', options.error !== undefined ? `${id}-error` : ''].filter((part) => part !== '');
  return ids.length > 0 ? ids.join(' ') : undefined;
}

/** A page title that starts with "Error:" after a refused post, as screen reader users hear first. */
export function titleWithErrors(ctx: WebContext, title: string, hasErrors: boolean): string {
  return hasErrors ? `${ctx.t('track.error.titlePrefix')}: ${title}` : title;
}
