import { approversWhoseTurnItIs } from '../../domain/notifications/next-actors.js';
import type { CaseProjection } from './case-projection.js';

/**
 * Keeps the case row's copy of the state in step with the events, for the inbox. A new case's
 * row has no public-register copy yet: the insert leaves those columns empty.
 */
export const projectCaseRow: CaseProjection = async (_deps, _trx, { after, row }) => ({
  rowValues: {
    status: after.status, unitId: after.unitId, handlerId: after.handlerId, teamId: after.teamId, priority: after.priority,
    isWhistleblowing: after.isWhistleblowing, categoryCode: after.categoryCode, concernedStaffIds: after.concernedStaffIds,
    awaitingApprovalBy: approversWhoseTurnItIs(after),
    ...(row === undefined ? {} : {
      // The public register's copy, fixed when published; cleared when withdrawn or appealed.
      publishedSummary: after.publication?.summary ?? null, publishedAt: after.publication?.publishedAt ?? null,
      publishedResponse: after.publication?.publicAnswer ?? null,
      publishedRespondedAt: after.publication === null ? null : after.answer?.at ?? null,
      publishedClosedAt: after.publication === null ? null : after.closedAt,
    }),
  },
});
