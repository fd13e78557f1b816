import type { Kysely } from 'kysely';
import type { CaseEvent, RecordedCaseEvent } from '../../domain/case-event.js';
import type { CaseState } from '../../domain/workflow/case-state.js';
import { listCaseDeadlines, saveCaseDeadlines } from '../../store/case-deadlines.js';
import type { ComplaintRow, Database } from '../../store/schema.js';
import type { AppDeps } from '../deps.js';
import { planCaseDeadlines } from '../service-levels/plan-case-deadlines.js';

/**
 * Brings a case's deadlines, and the case row's copies of them (`response_due_at` for the
 * inbox's sort, `overdue_since` for its filter, `follow_up_at` for the worker), in step with
 * its events after a change.
 */
export async function recordCaseDeadlines(
  deps: AppDeps, trx: Kysely<Database>, row: ComplaintRow, before: CaseState, after: CaseState,
  events: readonly CaseEvent[], allEvents: readonly RecordedCaseEvent[], now: Date,
): Promise<void> {
  const isPolicyChanged = events.some((event) => event.type === 'case.triaged')
    && (after.categoryCode !== before.categoryCode || after.priority !== before.priority || after.isWhistleblowing !== before.isWhistleblowing);
  const plan = await planCaseDeadlines(deps.caches, trx, {
    complaintId: row.id, events: allEvents, status: after.status, unitId: after.unitId, isPolicyChanged,
    existing: await listCaseDeadlines(trx, row.id), now,
    subject: { channel: after.channel, categoryCode: after.categoryCode, priority: after.priority, isWhistleblowing: after.isWhistleblowing },
  });
  await saveCaseDeadlines(trx, plan.rows);
  await trx.updateTable('complaints')
    .set({ responseDueAt: plan.responseDueAt, overdueSince: plan.overdueSince, followUpAt: plan.followUpAt })
    .where('id', '=', row.id).execute();
}
