/**
 * The 5W1H facts of a complaint: what happened, where, when, who was involved, how; why is
 * optional. Verifiers need them to act, so the form shows what is still missing.
 */
export interface Facts {
  what: string;
  where: string;
  when: string;
  who: string;
  how: string;
  why?: string | undefined;
}

export const requiredFacts = ['what', 'where', 'when', 'who', 'how'] as const;
export type RequiredFact = (typeof requiredFacts)[number];

export interface Completeness {
  /** 0 to 100: the share of the required facts given. */
  score: number;
  missing: RequiredFact[];
}

/** Shorter than this, an answer says nothing a verifier can act on ("-", "ok"). */
const minimumUsefulLength = 3;

export function assessCompleteness(facts: Partial<Facts>): Completeness {
  const missing = requiredFacts.filter((fact) => (facts[fact]?.trim().length ?? 0) < minimumUsefulLength);
  const score = Math.round(((requiredFacts.length - missing.length) / requiredFacts.length) * 100);
  return { score, missing };
}
