import type { FastifyRequest } from 'fastify';
import type { SubmitComplaintInput } from '../../../../app/intake/submit-complaint.js';
import type { UploadedFile } from '../../../../app/intake/uploaded-file.js';
import { checkIdentity, identityInputOf, identityModes, type IdentityMode } from '../../../../domain/complaint/identity.js';
import { DomainError, type FieldProblem } from '../../../../domain/domain-error.js';
import type { Locale } from '../../../../i18n/locale.js';
import { complaintInputOf } from '../../../shared/complaint-input.js';
import { SubmitComplaintBody } from '../../../shared/complaint-schemas.js';
import { validated } from '../../../shared/validated.js';

/** Everything the form holds, exactly as typed, so that a refused form comes back as it was sent. */
export interface FormValues {
  identity: IdentityMode | '';
  name: string;
  nik: string;
  email: string;
  phone: string;
  address: string;
  title: string;
  description: string;
  category: string;
  /** Whom the complaint concerns, in the reporter's words (optional). */
  concerns: string;
  what: string;
  who: string;
  when: string;
  where: string;
  why: string;
  how: string;
  location: string;
  allowPublication: boolean;
}

/** The form's fields in page order: the order of the error summary. */
export const formFields = ['identity', 'name', 'nik', 'email', 'phone', 'address', 'title', 'description', 'category', 'concerns', 'what', 'who', 'when', 'where', 'why', 'how', 'location', 'attachments', 'allowPublication'] as const;
export type FormField = (typeof formFields)[number];

export const factFields = ['what', 'who', 'when', 'where', 'why', 'how'] as const;

export const emptyForm: FormValues = {
  identity: '', name: '', nik: '', email: '', phone: '', address: '', title: '', description: '', category: '', concerns: '',
  what: '', who: '', when: '', where: '', why: '', how: '', location: '', allowPublication: false,
};

/** The element each field's error links to (`#id`): the input itself, or a group's first choice. */
export function fieldId(field: FormField): string {
  if (field === 'identity') return 'identity-identified';
  if ((factFields as readonly string[]).includes(field)) return `fact-${field}`;
  if (field === 'allowPublication') return 'allow-publication';
  return field;
}

/** A refusal beside a field (linked from the summary), or of the whole form (`field` undefined). */
export interface FormProblem {
  field: FormField | undefined;
  code: string;
  params?: Record<string, string | number>;
}

export function formValuesFrom(fields: Record<string, string>): FormValues {
  const text = (name: string): string => fields[name] ?? '';
  const mode = text('identity');
  return {
    identity: (identityModes as readonly string[]).includes(mode) ? (mode as IdentityMode) : '',
    name: text('name'), nik: text('nik'), email: text('email'), phone: text('phone'), address: text('address'),
    title: text('title'), description: text('description'), category: text('category'), concerns: text('concerns'),
    what: text('what'), who: text('who'), when: text('when'), where: text('where'), why: text('why'), how: text('how'),
    location: text('location'),
    allowPublication: fields.allowPublication === 'yes',
  };
}

/** "-6.2001, 106.8167" (a comma, semicolon or space between): a point for the map, else undefined. */
export function parseLocation(text: string): { lat: number; lon: number } | undefined {
  const match = /^\s*(-?\d{1,3}(?:\.\d+)?)\s*[,; ]\s*(-?\d{1,3}(?:\.\d+)?)\s*$/.exec(text);
  if (!match?.[1] || !match[2]) return undefined;
  return { lat: Number(match[1]), lon: Number(match[2]) };
}

/**
 * Checks the form by the same rules as the JSON API (its schema, then the identity rule of
 * the domain), so that every problem is listed at once; the use case checks again anyway.
 * Returns the use case's input, or the problems.
 */
export function checkForm(request: FastifyRequest, values: FormValues, locale: Locale, attachments: UploadedFile[]): { input: SubmitComplaintInput } | { problems: FormProblem[] } {
  const problems: FormProblem[] = [];
  const optional = (value: string): string | undefined => (value.trim() === '' ? undefined : value.trim());
  const location = values.location.trim() === '' ? undefined : parseLocation(values.location);
  if (values.location.trim() !== '' && location === undefined) problems.push({ field: 'location', code: 'location' });
  if (values.identity === '') problems.push({ field: 'identity', code: 'required' });

  // An anonymous report keeps nothing that could name its reporter, whatever was typed above.
  const identity = identityInputOf(values.identity === '' ? 'anonymous' : values.identity, {
    name: values.name.trim(), nik: optional(values.nik), email: optional(values.email), phone: optional(values.phone), address: optional(values.address),
  });
  const facts = {
    what: values.what.trim(), where: values.where.trim(), when: values.when.trim(), who: values.who.trim(), how: values.how.trim(),
    ...(optional(values.why) ? { why: values.why.trim() } : {}),
  };
  const body = {
    title: values.title.trim(),
    description: values.description.trim(),
    ...(optional(values.category) ? { category: values.category.trim() } : {}),
    ...(optional(values.concerns) ? { concerns: values.concerns.trim() } : {}),
    // The name is left to the domain's rule below, which says "required" rather than "too short".
    identity: Object.fromEntries(Object.entries(identity).filter(([key, value]) => value !== undefined && !(key === 'name' && value === ''))),
    facts,
    ...(location ? { location } : {}),
    locale,
    allowPublication: values.allowPublication,
  };
  problems.push(...problemsOf(() => validated(request, SubmitComplaintBody, body)));
  problems.push(...problemsOf(() => checkIdentity(identity)));
  if (problems.length > 0) return { problems: firstPerField(problems) };
  // The body passed the API's schema above: the same mapping to the use case's input.
  return { input: complaintInputOf(body as SubmitComplaintBody, { kind: 'public' }, attachments, []) };
}

function problemsOf(check: () => unknown): FormProblem[] {
  try {
    check();
    return [];
  } catch (error) {
    if (error instanceof DomainError) return problemsFromDomain(error.fields);
    throw error;
  }
}

/** The API's pointers (`/facts/what`, `/identity/email`, `/attachments/2`) as the form's fields. */
export function problemsFromDomain(fields: readonly FieldProblem[]): FormProblem[] {
  return fields.map((problem) => ({ field: fieldOfPointer(problem.pointer), code: problem.code, ...(problem.params ? { params: problem.params } : {}) }));
}

function fieldOfPointer(pointer: string): FormField | undefined {
  const [, first = '', second = ''] = pointer.split('/');
  if (first === 'identity') return second === '' || second === 'mode' ? 'identity' : (formFields as readonly string[]).includes(second) ? (second as FormField) : 'identity';
  if (first === 'facts') return (factFields as readonly string[]).includes(second) ? (second as FormField) : 'what';
  if (first === 'location') return 'location';
  if (first === 'attachments' || first === 'identityDocuments') return 'attachments';
  return (formFields as readonly string[]).includes(first) ? (first as FormField) : undefined;
}

/** One message per field (the first found), in page order; refusals of the whole form first. */
function firstPerField(problems: FormProblem[]): FormProblem[] {
  const seen = new Set<string>();
  const unique = problems.filter((problem) => {
    const key = problem.field ?? `form:${problem.code}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return orderedProblems(unique);
}

export function orderedProblems(problems: FormProblem[]): FormProblem[] {
  const rank = (problem: FormProblem) => (problem.field === undefined ? -1 : formFields.indexOf(problem.field));
  return [...problems].sort((a, b) => rank(a) - rank(b));
}
