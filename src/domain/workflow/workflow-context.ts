import type { StaffActor } from '../access/policy.js';
import type { ApprovalLevel } from './workflow-values.js';

/** Who acts: a signed-in staff member, or the reporter holding the tracking token. */
export type WorkflowActor = StaffActor | { kind: 'reporter' };

/** What a decision needs that the domain cannot look up itself. */
export interface WorkflowContext {
  now: Date;
  /** The case's current unit followed by its ancestors, nearest first, up to the root. */
  unitPath: readonly number[];
  /** The designated integrity team(s), who alone handle whistleblowing cases. */
  integrityTeamIds: readonly number[];
  /** Active staff in an active integrity team who read cases: who would see a whistleblowing case. */
  integrityReaderIds: readonly number[];
  /** The approval chain of the case's unit, resolved for this case (`unitsUp` turned into unit ids). */
  approvalChain: readonly ApprovalLevel[];
  /** Category codes that make a case whistleblowing (fraud, corruption, bribery): read at triage. */
  whistleblowingCategoryCodes: readonly string[];
}
