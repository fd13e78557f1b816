import type { FastifyReply } from 'fastify';
import { DomainError, type FieldProblem } from '../../../domain/domain-error.js';
import { fieldMessage, problemTitle } from '../../../i18n/problem-messages.js';
import { httpStatusOf, sayRetryAfter } from '../../plugins/problem-details.js';
import type { FieldError } from './form-errors.js';
import type { WebContext } from './web-context.js';

/** A post refused before any use case ran: the fields to show, beside them and in the summary. */
export class FormRefusal extends Error {
  constructor(readonly errors: FieldError[]) {
    super('the form needs correcting');
  }
}

/** The trimmed text, or a refusal naming the field with the words to show. */
export function requiredText(value: string | undefined, fieldId: string, message: string): string {
  const text = (value ?? '').trim();
  if (text === '') throw new FormRefusal([{ fieldId, message }]);
  return text;
}

/** What a page shows for a refused post: errors beside fields (and in the summary), or one sentence for the whole form. */
export interface PageRefusal {
  errors: FieldError[];
  problem?: string;
  status: number;
}

/** Where a form's errors go: the input each API field name (a pointer's first step) names, and the one for the rest. */
export interface FormFieldIds {
  byName: Record<string, string>;
  fallback: string;
}

/** The input a problem's JSON pointer (`/text`, `/attachments/2`) names on the page. */
export function fieldIdOfPointer(pointer: string, fields: FormFieldIds): string {
  return fields.byName[pointer.split('/')[1] ?? ''] ?? fields.fallback;
}

/**
 * The pages' one mapping of a refusal, in the words the API would use (the same titles and
 * field messages, in the page's language): beside the field it concerns, or for the whole
 * form, with the status the API would answer and its Retry-After. Anything that is not a
 * refusal is thrown on, to the error page.
 */
export function pageRefusalOf(ctx: WebContext, reply: FastifyReply, error: unknown, fields: FormFieldIds): PageRefusal {
  if (error instanceof FormRefusal) return { errors: error.errors, status: 400 };
  if (!(error instanceof DomainError)) throw error;
  sayRetryAfter(reply, error);
  const status = httpStatusOf(error.code);
  const title = problemTitle(ctx.locale, error.code);
  if (error.fields.length > 0) return { errors: fieldErrorsOf(ctx, error.fields, fields), status };
  // Refusals of a file, of a tracking pair, of too many tries: beside the field they concern.
  if (error.code.startsWith('attachment.') || error.code.startsWith('tracking.')) return { errors: [{ fieldId: fields.fallback, message: title }], status };
  if (error.code === 'workflow.action_not_allowed' || error.code === 'complaint.is_final') {
    return { errors: [], problem: `${title}. ${ctx.t('track.error.stale')}`, status };
  }
  return { errors: [], problem: title, status };
}

function fieldErrorsOf(ctx: WebContext, problems: readonly FieldProblem[], fields: FormFieldIds): FieldError[] {
  return problems.map((problem) => ({ fieldId: fieldIdOfPointer(problem.pointer, fields), message: fieldMessage(ctx.locale, problem.code, problem.params) }));
}
