import type { ReporterIdentity } from '../complaint/identity.js';
import type { Finding, RejectionReason, VerificationResult } from './workflow-values.js';

/**
 * What staff and reporters can do to a case, as in the API (`POST .../actions/{action}`).
 * The body of each action is its payload; the route's schema has already checked its shape.
 */
export type CaseAction =
  /** `concernsStaffIds`: the staff accounts the verifier matched to whom the reporter named (issue 10). */
  | { action: 'verify'; result: VerificationResult; note: string; draftReply?: string; concernsStaffIds?: number[] }
  | { action: 'request_info'; message: string }
  | { action: 'reject'; reason: RejectionReason; message: string }
  | { action: 'triage'; category: string; urgency: number; impact: number }
  | { action: 'assign'; unitId: number; handlerId?: number; teamId?: number; instructions: string }
  | { action: 'start' }
  | { action: 'add_note'; text: string }
  | { action: 'message_reporter'; text: string }
  | { action: 'draft_response'; finding: Finding; text: string }
  | { action: 'submit_for_approval' }
  | { action: 'approve'; note: string }
  | { action: 'return'; note: string }
  | { action: 'send_response' }
  | { action: 'add_corrective_action'; description: string; ownerId: number; dueOn: string }
  | { action: 'complete_corrective_action'; actionId: number; evidence: string }
  | { action: 'resolve_at_desk'; answer: string }
  | { action: 'close'; note: string }
  | { action: 'refer'; unitId: number }
  | { action: 'refer'; agency: string; note: string }
  /** `intoRegisterNumber` is filled by the use case from `intoId`, so the reporter can be told it. */
  | { action: 'merge'; intoId: string; intoRegisterNumber: string }
  | { action: 'withdraw'; reason: string }
  | { action: 'unseal_identity'; reason: string }
  /**
   * `reporterIdentity` is filled by the use case from the sealed record, only so that the domain
   * can keep it out of the public text; it is never recorded (the reporter is anonymous: null).
   */
  | { action: 'publish'; summary: string; publicAnswer: string; reporterIdentity: ReporterIdentity | null }
  | { action: 'unpublish'; reason?: string }
  // Reporter actions, with the tracking token.
  | { action: 'answer'; text: string }
  | { action: 'rate'; rating: number; comment?: string }
  | { action: 'appeal'; reasons: string };

export type CaseActionName = CaseAction['action'];

/** Every action, in the order a staff view lists them. */
export const caseActionNames = [
  'verify', 'request_info', 'reject', 'triage', 'assign', 'start', 'add_note', 'message_reporter',
  'draft_response', 'submit_for_approval', 'approve', 'return', 'send_response', 'add_corrective_action',
  'complete_corrective_action', 'resolve_at_desk', 'close', 'refer', 'merge', 'withdraw', 'unseal_identity',
  'publish', 'unpublish', 'answer', 'rate', 'appeal',
] as const satisfies readonly CaseActionName[];

// Fails to compile when an action is missing from the list above.
const _everyActionListed: [Exclude<CaseActionName, (typeof caseActionNames)[number]>] extends [never] ? true : never = true;
