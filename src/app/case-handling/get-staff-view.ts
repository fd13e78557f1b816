import type { StaffActor } from '../../domain/access/policy.js';
import { assessCompleteness } from '../../domain/complaint/completeness.js';
import { isIdentityShown } from '../../domain/complaint/identity.js';
import { staffView, type StaffView } from '../../domain/views/staff-view.js';
import { allowedActions } from '../../domain/workflow/allowed-actions.js';
import { findStaffNames } from '../../store/staff-directory.js';
import { getCaseDeadlines } from '../service-levels/get-case-deadlines.js';
import type { AppDeps } from '../deps.js';
import { factsOf, loadCase, unsealIdentity, type LoadedCase } from '../cases/load-case.js';

/** The case as a staff member sees it, with the actions open to them now. */
export async function getStaffView(deps: AppDeps, actor: StaffActor, complaintId: string, options: { isIdentityUnsealed?: boolean } = {}): Promise<StaffView> {
  const loaded = await loadCase(deps.db, complaintId, { now: deps.clock.now(), forUpdate: false, viewer: actor });
  return presentStaffView(deps, actor, loaded, options.isIdentityUnsealed ?? false);
}

export async function presentStaffView(deps: AppDeps, actor: StaffActor, loaded: LoadedCase, isIdentityUnsealed: boolean): Promise<StaffView> {
  const { row, events, state, context } = loaded;
  const staffIds = events.flatMap((event) => (event.actor.kind === 'staff' ? [event.actor.userId] : []));
  const facts = factsOf(row);
  const identityMode = row.identityMode;
  const isIdentityNeeded = isIdentityShown(identityMode, isIdentityUnsealed);
  return staffView({
    id: row.id, registerNumber: row.registerNumber, title: row.title, description: row.description, facts,
    completeness: assessCompleteness(facts), receivedAt: row.receivedAt, submittedAt: row.submittedAt, responseDueAt: row.responseDueAt,
    deadlines: await getCaseDeadlines(deps.db, row.id, deps.clock.now()),
    identityMode, pseudonym: row.pseudonym, identity: isIdentityNeeded ? unsealIdentity(deps.keys, row) : null, isIdentityUnsealed,
    state, events, staffNames: await findStaffNames(deps.db, staffIds), allowedActions: allowedActions(state, actor, context),
  });
}
