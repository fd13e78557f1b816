import { isCaseWorker, readsCases, type StaffActor } from '../../domain/access/policy.js';
import type { Kysely } from 'kysely';
import { countInboxByStatus, listInboxPage, type InboxCursor, type InboxFilters, type InboxRow, type InboxSort, type InboxViewer } from '../../store/inbox.js';
import { findInboxScope, readOrganisationVersion, type InboxScope } from '../../store/inbox-scope.js';
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
  if (!readsCases(actor)) return { items: [], next: null, countsByStatus: {} };
  const now = deps.clock.now();
  const filters = inboxFiltersFor(actor, query);
  const pageFor = async (scope: InboxScope): Promise<InboxPage> => {
    const viewer = inboxViewerWithin(actor, scope);
    const [page, countsByStatus] = await Promise.all([
      listInboxPage(deps.db, viewer, filters, { sort: query.sort, limit: query.limit, after: query.after, now }),
      countInboxByStatus(deps.db, viewer, filters, now),
    ]);
    return { items: page.rows, next: page.next, countsByStatus };
  };
  // Each viewer unit's scope as last read; valid while the organisation version is unchanged.
  const byUnit = deps.caches.inboxScopes;
  const cached = byUnit.get(actor.unitId);
  if (cached) {
    // Optimistic: the page is read with the remembered scope while the version is checked
    // beside it, so an unchanged organisation costs no extra round trip.
    const [version, page] = await Promise.all([readOrganisationVersion(deps.db), pageFor(cached)]);
    if (version === cached.version) return page;
  }
  const scope = await findInboxScope(deps.db, actor.unitId);
  byUnit.set(actor.unitId, scope);
  return pageFor(scope);
}

/** The filters as the store takes them: `mine` is an assignee filter on the caller. */
export function inboxFiltersFor(actor: StaffActor, query: InboxFilters & { isMine?: boolean | undefined }): InboxFilters {
  const { isMine, ...filters } = query;
  return { ...filters, assigneeId: isMine ? actor.userId : query.assigneeId };
}

/** What the inbox may show this staff member (the SQL twin of the access policy), or null when their roles read no cases. */
export async function inboxViewerFor(db: Kysely<Database>, actor: StaffActor): Promise<InboxViewer | null> {
  if (!readsCases(actor)) return null;
  return inboxViewerWithin(actor, await findInboxScope(db, actor.unitId));
}

function inboxViewerWithin(actor: StaffActor, scope: InboxScope): InboxViewer {
  const worksOnCases = isCaseWorker(actor);
  const isAuditor = actor.roles.includes('auditor');
  const subtree = worksOnCases ? scope.subtree : [];
  const { integrityTeamIds, unitCount } = scope;
  // When the subtree is every unit (a coordinator at the root), saying so instead of listing
  // them all keeps the planner's estimates right (and the query short).
  const unitIds = worksOnCases && subtree.length === unitCount ? 'all' as const : subtree;
  return {
    userId: actor.userId, unitIds, teamIds: [...actor.teamIds], isAuditor,
    isInIntegrityTeam: actor.teamIds.some((teamId) => integrityTeamIds.includes(teamId)),
  };
}
