import type { ReporterView } from '../../domain/views/reporter-view.js';
import { applyCaseAction, type RequestedCaseAction } from '../case-handling/apply-case-action.js';
import type { AppDeps } from '../deps.js';
import { getReporterView } from './get-reporter-view.js';

export type { RequestedCaseAction };

/** The reporter's actions (answer, rate, appeal, withdraw), with the tracking token. */
export async function applyReporterAction(deps: AppDeps, complaintId: string, requested: RequestedCaseAction): Promise<ReporterView> {
  await applyCaseAction(deps, complaintId, { kind: 'reporter' }, requested);
  return getReporterView(deps, complaintId);
}
