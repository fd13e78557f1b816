import type { ReporterIdentity } from '../complaint/identity.js';
import type { FieldProblem } from '../domain-error.js';
import type { CaseState } from './case-state.js';

/**
 * The public register (as LAPOR! and FixMyStreet keep one): a resolved complaint whose reporter
 * allowed it, told in a summary staff write and a public answer staff write from the response.
 * Never the response itself: it is written to the reporter and may name an officer who was
 * reprimanded, a sanction, or someone's circumstances that the public has no business reading.
 *
 * Which cases qualify: closed after an answer, i.e. closed once a response was sent (by staff,
 * by the reporter's rating, or when the appeal window passed) or answered and closed at the
 * desk. Not a rejected, withdrawn, merged or referred complaint (nothing was resolved), not one
 * closed for want of the reporter's answer (nothing was answered), and never a whistleblowing
 * case: even a redacted account of one can point at the only person who could have known.
 * An appeal reopens the question, so it takes the case off the register (see case-state.ts).
 */
export function isPublishable(state: CaseState): boolean {
  return state.status === 'closed' && state.answer !== null && state.closedAt !== null && !state.isWhistleblowing;
}

/** A summary is a short account, not the file. */
export const publishedSummaryMaxLength = 2000;

/** The public answer is the response retold for the public; a letter's length, no more. */
export const publicAnswerMaxLength = 5000;

/**
 * A safety net under the staff member's own care, not a substitute for it: the reporter's name,
 * the words of the name, NIK, phone, email and street address, in the spellings people write
 * them. It errs towards hiding too much: a lost word in a public text costs less than a name.
 */
function identityPatterns(identity: ReporterIdentity | null): RegExp[] {
  if (identity === null) return [nikLike];
  // The most specific first: an email or a street holds words of the name.
  const patterns: RegExp[] = [];
  if (identity.email?.trim()) patterns.push(new RegExp(escape(identity.email.trim()), 'giu'));
  if (identity.nik?.trim()) patterns.push(digitsPattern(identity.nik.replace(/\D/g, '')));
  const phone = identity.phone?.replace(/\D/g, '').replace(/^(?:62|0)/, '') ?? '';
  if (phone.length >= 6) patterns.push(new RegExp(`(?<!\\d)(?:(?:\\+?62|0)[\\s().-]*)?${digitsSource(phone)}(?!\\d)`, 'gu'));
  const address = identity.address?.trim() ?? '';
  if (address !== '') {
    patterns.push(new RegExp(spaced(address), 'giu'));
    // The street and number alone ("Jl. Melati 5"), not the town after the comma: the town is
    // often where the problem was, and the public should read it.
    const street = address.split(',')[0]?.trim() ?? '';
    if (street.length >= 6 && /\d/.test(street)) patterns.push(new RegExp(spaced(street), 'giu'));
  }
  patterns.push(nikLike);
  const words = identity.name.trim().split(/\s+/).filter((word) => word.length >= 3);
  if (words.length > 0) patterns.push(wordPattern(words.map(escape).join('\\s+')));
  for (const word of words) patterns.push(wordPattern(escape(word)));
  return patterns;
}

/** Sixteen digits, however grouped, read as a NIK: a public text has no use for anyone's. */
const nikLike = /(?<!\d)\d(?:[\s.-]?\d){15}(?!\d)/gu;

function wordPattern(source: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])${source}(?![\\p{L}\\p{N}])`, 'giu');
}

function digitsSource(digits: string): string {
  return digits.split('').join('[\\s().-]*');
}

function digitsPattern(digits: string): RegExp {
  return new RegExp(`(?<!\\d)${digitsSource(digits)}(?!\\d)`, 'gu');
}

function spaced(text: string): string {
  return escape(text).replace(/\s+/g, '\\s+');
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Whether the text names the reporter (or holds a NIK). */
export function mentionsReporter(text: string, identity: ReporterIdentity | null): boolean {
  return identityPatterns(identity).some((pattern) => {
    pattern.lastIndex = 0;
    return pattern.test(text);
  });
}

/** What is wrong with a summary staff wrote for the public: blank, too long, or naming the reporter. */
export function summaryProblems(summary: string, identity: ReporterIdentity | null): FieldProblem[] {
  return publicTextProblems('/summary', summary, publishedSummaryMaxLength, identity);
}

/** The same for the public answer: required, bounded, and never naming the reporter. */
export function publicAnswerProblems(publicAnswer: string, identity: ReporterIdentity | null): FieldProblem[] {
  return publicTextProblems('/publicAnswer', publicAnswer, publicAnswerMaxLength, identity);
}

function publicTextProblems(pointer: string, text: string, limit: number, identity: ReporterIdentity | null): FieldProblem[] {
  if (text.trim() === '') return [{ pointer, code: 'required' }];
  if (text.length > limit) return [{ pointer, code: 'maxLength', params: { limit } }];
  return mentionsReporter(text, identity) ? [{ pointer, code: 'mentions_reporter' }] : [];
}
