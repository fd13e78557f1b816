import { finalStatuses } from '../../domain/complaint/complaint-status.js';
import { DomainError } from '../../domain/domain-error.js';
import type { ReporterView } from '../../domain/views/reporter-view.js';
import { commitCaseEvents } from '../case-commit/commit-case-events.js';
import { loadCase } from '../cases/load-case.js';
import type { AppDeps } from '../deps.js';
import { getReporterView } from './get-reporter-view.js';

/** A reporter adds to their case; submitted content itself is never edited. */
export async function addReporterMessage(deps: AppDeps, complaintId: string, text: string): Promise<ReporterView> {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const current = await loadCase(trx, complaintId, { now, forUpdate: true });
    if (finalStatuses.has(current.row.status)) throw new DomainError('complaint.is_final', { status: current.row.status });
    await commitCaseEvents(deps, trx, current, { kind: 'reporter' }, [{ type: 'reporter.message_added', data: { text } }], now);
  });
  return getReporterView(deps, complaintId);
}
