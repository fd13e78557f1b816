import { finalStatuses } from '../../domain/complaint/complaint-status.js';
import { defaultTimeZone } from '../../domain/service-level/working-calendar.js';
import type { ReporterView } from '../../domain/views/reporter-view.js';
import { allowedActions } from '../../domain/workflow/allowed-actions.js';
import { findUnitById } from '../../store/units.js';
import { loadCase } from '../cases/load-case.js';
import type { AppDeps } from '../deps.js';
import { getReporterView } from './get-reporter-view.js';

/** What the reporter may do on the page: the workflow's own actions, and adding to the case. */
export type ReporterPageAction = 'answer' | 'rate' | 'appeal' | 'withdraw' | 'add_evidence' | 'message';

export interface ReporterCase {
  view: ReporterView;
  actions: ReadonlySet<ReporterPageAction>;
  /** The handling unit's zone, in which the reporter reads every date. */
  timeZone: string;
}

/**
 * The tracking page's case: the reporter view plus what the page offers (the reporter actions
 * the workflow allows now, the unit's zone). The case
 * and its events are read once, and the page decides nothing itself.
 */
export async function getReporterCase(deps: AppDeps, complaintId: string): Promise<ReporterCase> {
  const loaded = await loadCase(deps.db, complaintId, { now: deps.clock.now(), forUpdate: false });
  const [view, unit] = await Promise.all([getReporterView(deps, complaintId, loaded.row, loaded.events), findUnitById(deps.db, loaded.state.unitId)]);
  const actions = new Set<ReporterPageAction>();
  for (const action of allowedActions(loaded.state, { kind: 'reporter' }, loaded.context)) {
    if (action === 'answer' || action === 'rate' || action === 'appeal' || action === 'withdraw') actions.add(action);
  }
  // The same test addReporterMessage and addReporterAttachments apply before they write.
  if (!finalStatuses.has(loaded.state.status)) {
    actions.add('add_evidence');
    actions.add('message');
  }
  return {
    view,
    actions,
    timeZone: unit?.timeZone ?? defaultTimeZone,
  };
}
