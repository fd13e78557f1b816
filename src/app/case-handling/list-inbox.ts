import type { StaffActor } from '../../domain/access/policy.js';
import { countInboxByStatus, listInboxPage, type InboxCursor, type InboxFilters, type InboxRow, type InboxSort } from '../../store/inbox.js';
import { findInboxScope } from '../../store/inbox-scope.js';
import type { AppDeps } from '../deps.js';

export interface InboxQuery extends InboxFilters {
  isMine?: boolean | undefined;
  sort: InboxSort;
  limit: number;
  after?: InboxCursor | undefined;
}

export interface InboxPage {
  items: InboxRow[];
  next: InboxCursor | null;
  countsByStatus: Record<string, number>;
}

/** The cases a staff member may see, filtered, sorted and paged, with counts per status. */
export async function listInbox(deps: AppDeps, actor: StaffActor, query: InboxQuery): Promise<InboxPage> {
  const now = deps.clock.now();
  const isCaseWorker = actor.roles.some((role) => role === 'intake' || role === 'coordinator' || role === 'head' || role === 'handler');
  const isAuditor = actor.roles.includes('auditor');
  if (!isCaseWorker && !isAuditor) return { items: [], next: null, countsByStatus: {} };
  const scope = await findInboxScope(deps.db, actor.unitId);
  const subtree = isCaseWorker ? scope.subtree : [];
  const { integrityTeamIds, unitCount } = scope;
  // When the subtree is every unit (a coordinator at the root), saying so instead of listing
  // them all keeps the planner's estimates right (and the query short).
  const unitIds = isCaseWorker && subtree.length === unitCount ? 'all' as const : subtree;
  const viewer = {
    userId: actor.userId, unitIds, teamIds: [...actor.teamIds], isAuditor,
    isInIntegrityTeam: actor.teamIds.some((teamId) => integrityTeamIds.includes(teamId)),
  };
  const filters: InboxFilters = { ...query, assigneeId: query.isMine ? actor.userId : query.assigneeId };
  const [page, countsByStatus] = await Promise.all([
    listInboxPage(deps.db, viewer, filters, { sort: query.sort, limit: query.limit, after: query.after, now }),
    countInboxByStatus(deps.db, viewer, filters, now),
  ]);
  return { items: page.rows, next: page.next, countsByStatus };
}
