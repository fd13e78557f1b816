import { DomainError, type DomainErrorCode } from '../domain-error.js';
import { caseActionError, caseActionRefusal, caseFactsOf } from '../workflow/allowed-actions.js';
import type { CaseActionName } from '../workflow/case-action.js';
import type { CaseState } from '../workflow/case-state.js';
import type { WorkflowContext } from '../workflow/workflow-context.js';
import { readsCases, seeDecision, type CaseFacts, type SeeDecision, type StaffActor, type StaffRole } from './policy.js';

/**
 * The one permission model (docs/design.md "Access and privacy"): what each actor may do, as
 * `can(actor, capability, resource?)`. Use cases ask it first and throw its refusal; the HTTP
 * hooks that check roles too are a second line only. Pure: the caller passes the facts.
 *
 * - `configure`: administration (units, teams, users, categories, service levels, holidays, the
 *   site, the letterhead and the signing certificate): the `admin` role, or the system itself;
 * - `read_audit_log`: administrators and auditors (auditors change nothing);
 * - `read_failed_jobs`: administrators;
 * - `record_intake`: recording a complaint on a reporter's behalf (the desk, the phone): intake
 *   officers and coordinators;
 * - `export_inbox`: the inbox as a spreadsheet, for whoever reads cases;
 * - `read_case`, `export_case`: the case as `seeDecision` allows (a dossier holds what one may see);
 * - each case action, `unseal_identity` among them: the workflow's guard (`caseGuardRules`).
 *
 * The reporter reads and acts on their own case through the tracking code; here a reporter holds
 * only the reporter's case actions.
 */
export type AccessActor = StaffActor | { kind: 'reporter' } | { kind: 'system' };

export type Capability =
  | 'configure' | 'read_audit_log' | 'read_failed_jobs' | 'record_intake' | 'export_inbox' | 'read_case' | 'export_case' | CaseActionName;

/** What a case action is judged on: the case as it stands and what the domain cannot look up itself. */
export interface CaseActionResource {
  state: CaseState;
  context: WorkflowContext;
}

type ResourceArgs<C extends Capability> =
  C extends 'read_case' | 'export_case' ? [resource: CaseFacts]
    : C extends CaseActionName ? [resource: CaseActionResource]
      : [];

/** Why a refusal was given, for logs and tests; the caller answers with `code` and `details` only. */
export type RefusalReason = Extract<SeeDecision, { isAllowed: false }>['reason'] | 'lacks_role' | 'not_staff' | 'case_guard';

export type AccessDecision =
  | { isAllowed: true }
  | { isAllowed: false; reason: RefusalReason; code: DomainErrorCode; details: Record<string, unknown> };

const allowed: AccessDecision = { isAllowed: true };

/** The roles that hold each capability not about one case (any one of them suffices). */
const rolesFor = {
  configure: ['admin'],
  read_audit_log: ['admin', 'auditor'],
  read_failed_jobs: ['admin'],
  record_intake: ['intake', 'coordinator'],
} as const satisfies Record<string, readonly StaffRole[]>;

/** Whether `actor` may do `capability` (to `resource`), and if not, the refusal to answer with. */
export function can<C extends Capability>(actor: AccessActor, capability: C, ...resource: ResourceArgs<C>): AccessDecision {
  const [target] = resource as unknown[];
  const asked: Capability = capability;
  switch (asked) {
    case 'configure':
    case 'read_audit_log':
    case 'read_failed_jobs':
      if (actor.kind === 'system') return allowed;
      return byRole(actor, rolesFor[asked]);
    case 'record_intake':
      return byRole(actor, rolesFor.record_intake);
    case 'export_inbox':
      // Refused rather than handed an empty file: an administrator, as such, reads no case.
      if (actor.kind === 'staff' && readsCases(actor)) return allowed;
      return refuse(actor.kind === 'staff' ? 'no_case_role' : 'not_staff', 'auth.forbidden', { required: ['intake', 'coordinator', 'head', 'handler', 'auditor'] });
    case 'read_case':
    case 'export_case': {
      // A case one may not see answers as if it did not exist.
      if (actor.kind !== 'staff') return refuse('not_staff', 'complaint.not_found');
      const seen = seeDecision(actor, target as CaseFacts);
      return seen.isAllowed ? allowed : refuse(seen.reason, 'complaint.not_found');
    }
    default:
      return canTakeCaseAction(actor, asked, target as CaseActionResource);
  }
}

/** Throws the refusal of `can` as the `DomainError` the API answers with; use cases call it before they change anything. */
export function requireCapability<C extends Capability>(actor: AccessActor, capability: C, ...resource: ResourceArgs<C>): void {
  const decision = can(actor, capability, ...resource);
  if (!decision.isAllowed) throw new DomainError(decision.code, decision.details);
}

function canTakeCaseAction(actor: AccessActor, action: CaseActionName, { state, context }: CaseActionResource): AccessDecision {
  if (actor.kind === 'system') return refuse('not_staff', 'workflow.forbidden', { action });
  const refusal = caseActionRefusal(state, action, actor, context);
  if (refusal === undefined) return allowed;
  const error = caseActionError(refusal, state, action, actor, context);
  const seen = refusal.code === 'complaint.not_found' && actor.kind === 'staff' ? seeDecision(actor, caseFactsOf(state, context)) : allowed;
  return refuse(seen.isAllowed ? 'case_guard' : seen.reason, error.code, error.details);
}

function byRole(actor: AccessActor, roles: readonly StaffRole[]): AccessDecision {
  if (actor.kind !== 'staff') return refuse('not_staff', 'auth.forbidden', { required: [...roles] });
  return actor.roles.some((role) => roles.includes(role)) ? allowed : refuse('lacks_role', 'auth.forbidden', { required: [...roles] });
}

function refuse(reason: RefusalReason, code: DomainErrorCode, details: Record<string, unknown> = {}): AccessDecision {
  return { isAllowed: false, reason, code, details };
}
