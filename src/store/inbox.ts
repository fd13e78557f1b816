import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import type { Channel } from '../domain/complaint/channel.js';
import { openStatuses, type ComplaintStatus } from '../domain/complaint/complaint-status.js';
import type { Priority } from '../domain/workflow/workflow-values.js';
import type { Database } from './schema.js';

export interface InboxViewer {
  userId: number;
  /** The viewer's unit and every unit below it; 'all' for the root unit (no filter at all). */
  unitIds: number[] | 'all';
  teamIds: number[];
  isAuditor: boolean;
  isInIntegrityTeam: boolean;
}

export interface InboxFilters {
  status?: ComplaintStatus[] | undefined;
  unitId?: number | undefined;
  categoryCode?: string | undefined;
  priority?: Priority | undefined;
  channel?: Channel | undefined;
  assigneeId?: number | undefined;
  isOverdue?: boolean | undefined;
  receivedFrom?: Date | undefined;
  receivedTo?: Date | undefined;
  text?: string | undefined;
  isAwaitingMyApproval?: boolean | undefined;
}

export type InboxSort = 'due' | 'received';

export interface InboxCursor {
  at: string;
  id: string;
}

export interface InboxRow {
  id: string;
  registerNumber: string;
  title: string;
  status: ComplaintStatus;
  channel: Channel;
  categoryCode: string | null;
  priority: Priority | null;
  unitId: number;
  handlerId: number | null;
  receivedAt: Date;
  responseDueAt: Date | null;
  isWhistleblowing: boolean;
}

const openStatusList = [...openStatuses];

/**
 * What the viewer may see (the SQL twin of domain/access/policy.ts `seeDecision`): never a
 * case that concerns them; whistleblowing only for the integrity team; otherwise their units'
 * cases and the ones assigned to them, or everything for an auditor.
 */
function visibleTo(viewer: InboxViewer) {
  return (eb: ExpressionBuilder<Database, 'complaints'>): Expression<SqlBool> => {
    const assigned = eb.or([
      eb('handlerId', '=', viewer.userId),
      ...(viewer.teamIds.length > 0 ? [eb('teamId', 'in', viewer.teamIds)] : []),
      ...(viewer.unitIds === 'all' ? [sql<SqlBool>`true`] : viewer.unitIds.length > 0 ? [eb('unitId', 'in', viewer.unitIds)] : []),
    ]);
    return eb.and([
      sql<SqlBool>`not (${viewer.userId} = any(concerned_staff_ids))`,
      eb.or([
        eb.and([eb('isWhistleblowing', '=', true), sql<SqlBool>`${viewer.isInIntegrityTeam}`]),
        eb.and([eb('isWhistleblowing', '=', false), viewer.isAuditor || viewer.unitIds === 'all' ? sql<SqlBool>`true` : assigned]),
      ]),
    ]);
  };
}

function filtered(db: Kysely<Database>, viewer: InboxViewer, filters: InboxFilters, now: Date, withStatus: boolean) {
  let query = db.selectFrom('complaints').where(visibleTo(viewer));
  if (withStatus && filters.status && filters.status.length > 0) query = query.where('status', 'in', filters.status);
  if (filters.unitId !== undefined) query = query.where('unitId', '=', filters.unitId);
  if (filters.categoryCode !== undefined) query = query.where('categoryCode', '=', filters.categoryCode);
  if (filters.priority !== undefined) query = query.where('priority', '=', filters.priority);
  if (filters.channel !== undefined) query = query.where('channel', '=', filters.channel);
  if (filters.assigneeId !== undefined) query = query.where('handlerId', '=', filters.assigneeId);
  // Set by the deadline planner and by escalation (src/app/service-levels): a deadline that still
  // counts has passed. The same rule puts 'overdue' in the case's deadlines and escalates it.
  if (filters.isOverdue) query = query.where('overdueSince', '<', now).where('status', 'in', openStatusList);
  if (filters.receivedFrom !== undefined) query = query.where('receivedAt', '>=', filters.receivedFrom);
  if (filters.receivedTo !== undefined) query = query.where('receivedAt', '<', filters.receivedTo);
  if (filters.text !== undefined) query = query.where(sql<SqlBool>`search @@ websearch_to_tsquery('simple', ${filters.text})`);
  if (filters.isAwaitingMyApproval) query = query.where(sql<SqlBool>`awaiting_approval_by @> array[${viewer.userId}]::bigint[]`);
  return query;
}

/** One page of the inbox, by keyset (no OFFSET: page 1,000 costs what page 1 does). */
export async function listInboxPage(
  db: Kysely<Database>, viewer: InboxViewer, filters: InboxFilters, options: { sort: InboxSort; limit: number; after?: InboxCursor | undefined; now: Date },
): Promise<{ rows: InboxRow[]; next: InboxCursor | null }> {
  let query = filtered(db, viewer, filters, options.now, true).select([
    'id', 'registerNumber', 'title', 'status', 'channel', 'categoryCode', 'priority', 'unitId', 'handlerId', 'receivedAt', 'responseDueAt', 'isWhistleblowing',
  ]);
  const { after } = options;
  if (options.sort === 'due') {
    if (after) query = query.where(sql<SqlBool>`(response_due_at, id) > (${new Date(after.at)}, ${after.id}::uuid)`);
    query = query.where('responseDueAt', 'is not', null).orderBy('responseDueAt', 'asc').orderBy('id', 'asc');
  } else {
    if (after) query = query.where(sql<SqlBool>`(received_at, id) < (${new Date(after.at)}, ${after.id}::uuid)`);
    query = query.orderBy('receivedAt', 'desc').orderBy('id', 'desc');
  }
  const rows = await query.limit(options.limit + 1).execute();
  const page = rows.slice(0, options.limit);
  const last = page.at(-1);
  const next = rows.length > options.limit && last
    ? { at: (options.sort === 'due' ? last.responseDueAt ?? last.receivedAt : last.receivedAt).toISOString(), id: last.id }
    : null;
  return { rows: page, next };
}

/** How many visible cases match the filters in each status (the status filter itself aside). */
export async function countInboxByStatus(db: Kysely<Database>, viewer: InboxViewer, filters: InboxFilters, now: Date): Promise<Record<string, number>> {
  const rows = await filtered(db, viewer, filters, now, false)
    .select(['status', (eb) => eb.fn.countAll<number>().as('count')])
    .groupBy('status')
    .execute();
  return Object.fromEntries(rows.map((row) => [row.status, Number(row.count)]));
}
