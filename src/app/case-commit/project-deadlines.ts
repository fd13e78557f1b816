import { listCaseDeadlines, saveCaseDeadlines } from '../../store/case-deadlines.js';
import { planCaseDeadlines } from '../service-levels/plan-case-deadlines.js';
import type { CaseProjection } from './case-projection.js';

/**
 * Brings a case's deadlines, and the case row's copies of them (`response_due_at` for the
 * inbox's sort, `overdue_since` for its filter, `follow_up_at` for the worker), in step with
 * its events after a change. A new case's deadlines are saved before its row exists: the
 * reference to it is checked at commit (migration 0012), and the clocks start at receipt, so
 * neither the register number nor the attachments matter to them.
 */
export const projectDeadlines: CaseProjection = async (deps, trx, { complaintId, before, after, events, history, row, knownUnit, now }) => {
  const isPolicyChanged = before !== null && events.some((event) => event.type === 'case.triaged')
    && (after.categoryCode !== before.categoryCode || after.priority !== before.priority || after.isWhistleblowing !== before.isWhistleblowing);
  const plan = await planCaseDeadlines(deps.caches, trx, {
    complaintId, events: history, status: after.status, unitId: after.unitId, isPolicyChanged,
    existing: row === undefined ? [] : await listCaseDeadlines(trx, complaintId), knownUnit, now,
    subject: { channel: after.channel, categoryCode: after.categoryCode, priority: after.priority, isWhistleblowing: after.isWhistleblowing },
  });
  await saveCaseDeadlines(trx, plan.rows);
  return { rowValues: { responseDueAt: plan.responseDueAt, overdueSince: plan.overdueSince, followUpAt: plan.followUpAt } };
};
