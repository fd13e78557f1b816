import type { CaseEvent } from '../../domain/case-event.js';
import { nextFollowUp } from '../../domain/service-level/case-follow-up.js';
import { findDueFollowUps, setFollowUpAt } from '../../store/case-follow-ups.js';
import { lockComplaintIfFree } from '../../store/complaints.js';
import type { NewOutboxMessage } from '../../store/outbox.js';
import { commitCaseEvents } from '../case-commit/commit-case-events.js';
import { loadCase } from '../cases/load-case.js';
import type { AppDeps } from '../deps.js';
import { calendarForUnit, currentServiceLevels } from '../service-levels/current-service-levels.js';
import { sweepCases, type CaseOutcome, type SweepReport } from './sweep-report.js';

/**
 * Cases nobody acts on: a reporter asked for information and silent is reminded (by mail if
 * they gave an address), and the case is closed if they still do not answer; a response
 * nobody appealed closes when the appeal window ends. Each step is an event recorded by the
 * system with its mail, in one transaction, by the one worker holding the case row.
 */
export async function followUpCases(deps: AppDeps, options: { batchSize?: number } = {}): Promise<SweepReport> {
  const batchSize = options.batchSize ?? 100;
  return sweepCases(() => findDueFollowUps(deps.db, deps.clock.now(), batchSize), (complaintId) => followUpCase(deps, complaintId));
}

async function followUpCase(deps: AppDeps, complaintId: string): Promise<CaseOutcome> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx): Promise<CaseOutcome> => {
    if (!(await lockComplaintIfFree(trx, complaintId))) return 'busy';
    const current = await loadCase(trx, complaintId, { now, forUpdate: false });
    const levels = await currentServiceLevels(deps.caches, trx);
    const calendar = await calendarForUnit(trx, levels, current.state.unitId);
    const followUp = nextFollowUp(current.state.status, current.events, levels.settings, calendar);
    // Settings changed, or the case moved on since: look again when it is really due.
    if (followUp === null || followUp.at.getTime() > now.getTime()) {
      await setFollowUpAt(trx, complaintId, followUp?.at ?? null);
      return 'nothing';
    }
    const system = { kind: 'system' } as const;
    switch (followUp.action) {
      case 'remind_reporter': {
        const reminded: CaseEvent = { type: 'case.reporter_reminded', data: { reason: 'info_requested' } };
        const closesAt = nextFollowUp(current.state.status, [...current.events, { ...reminded, sequence: Number.MAX_SAFE_INTEGER, occurredAt: now, actor: system }], levels.settings, calendar)?.at;
        const canReach = current.row.identityMode !== 'anonymous';
        await commitCaseEvents(deps, trx, current, system, [reminded], now, (eventIds): NewOutboxMessage[] => (canReach ? [{
          complaintId, eventId: eventIds[0] ?? null, channel: 'email', recipient: { kind: 'reporter', complaintId }, template: 'case.info_reminder',
          data: { registerNumber: current.row.registerNumber, dueAt: closesAt?.toISOString() ?? '', timeZone: calendar.timeZone },
        }] : []));
        return 'done';
      }
      case 'close_unanswered':
      case 'close_after_appeal_window':
        await commitCaseEvents(deps, trx, current, system, [{
          type: 'case.closed_automatically', data: { reason: followUp.action === 'close_unanswered' ? 'no_answer' : 'appeal_window_passed' },
        }], now);
        return 'done';
    }
  });
}
