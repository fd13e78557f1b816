import type { StaffActor } from '../../domain/access/policy.js';
import type { Kysely } from 'kysely';
import { countInboxByStatus, listInboxPage, type InboxCursor, type InboxFilters, type InboxRow, type InboxSort, type InboxViewer } from '../../store/inbox.js';
import { findInboxScope } from '../../store/inbox-scope.js';
import type { Database } from '../../store/schema.js';
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
  const viewer = await inboxViewerFor(deps.db, actor);
  if (viewer === null) return { items: [], next: null, countsByStatus: {} };
  const filters = inboxFiltersFor(actor, query);
  const [page, countsByStatus] = await Promise.all([
    listInboxPage(deps.db, viewer, filters, { sort: query.sort, limit: query.limit, after: query.after, now }),
    countInboxByStatus(deps.db, viewer, filters, now),
  ]);
  return { items: page.rows, next: page.next, countsByStatus };
}

/** The filters as the store takes them: `mine` is an assignee filter on the caller. */
export function inboxFiltersFor(actor: StaffActor, query: InboxFilters & { isMine?: boolean | undefined }): InboxFilters {
  const { isMine, ...filters } = query;
  return { ...filters, assigneeId: isMine ? actor.userId : query.assigneeId };
}

/** What the inbox may show this staff member (the SQL twin of the access policy), or null when their roles read no cases. */
export async function inboxViewerFor(db: Kysely<Database>, actor: StaffActor): Promise<InboxViewer | null> {
  const isCaseWorker = actor.roles.some((role) => role === 'intake' || role === 'coordinator' || role === 'head' || role === 'handler');
  const isAuditor = actor.roles.includes('auditor');
  if (!isCaseWorker && !isAuditor) return null;
  const scope = await findInboxScope(db, actor.unitId);
  const subtree = isCaseWorker ? scope.subtree : [];
  const { integrityTeamIds, unitCount } = scope;
  // When the subtree is every unit (a coordinator at the root), saying so instead of listing
  // them all keeps the planner's estimates right (and the query short).
  const unitIds = isCaseWorker && subtree.length === unitCount ? 'all' as const : subtree;
  return {
    userId: actor.userId, unitIds, teamIds: [...actor.teamIds], isAuditor,
    isInIntegrityTeam: actor.teamIds.some((teamId) => integrityTeamIds.includes(teamId)),
  };
}
