import { finalStatuses } from '../../domain/complaint/complaint-status.js';
import { DomainError } from '../../domain/domain-error.js';
import type { ReporterView } from '../../domain/views/reporter-view.js';
import { appendCaseEvents } from '../../store/case-events.js';
import { lockComplaint } from '../../store/complaints.js';
import type { AppDeps } from '../deps.js';
import { notifyOfReporterAddition } from '../notifications/notify-next-actors.js';
import { getReporterView } from './get-reporter-view.js';

/** A reporter adds to their case; submitted content itself is never edited. */
export async function addReporterMessage(deps: AppDeps, complaintId: string, text: string): Promise<ReporterView> {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const complaint = await lockComplaint(trx, complaintId);
    if (complaint === undefined) throw new DomainError('complaint.not_found');
    if (finalStatuses.has(complaint.status)) throw new DomainError('complaint.is_final', { status: complaint.status });
    const events = [{ type: 'reporter.message_added' as const, data: { text } }];
    await notifyOfReporterAddition(trx, complaint, events, await appendCaseEvents(trx, complaintId, { kind: 'reporter' }, now, events), now);
  });
  return getReporterView(deps, complaintId);
}
