import { requireCapability } from '../../domain/access/capabilities.js';
import type { StaffActor } from '../../domain/access/policy.js';
import { defaultTimeZone } from '../../domain/service-level/working-calendar.js';
import type { InboxWorkbook } from '../../documents/inbox/inbox-workbook.js';
import { recordAdminAction } from '../../store/admin-audit.js';
import { listInboxPage, type InboxFilters, type InboxRow, type InboxSort } from '../../store/inbox.js';
import { findStaffNames } from '../../store/staff-directory.js';
import { listUnits } from '../../store/unit-records.js';
import { findUnitById } from '../../store/units.js';
import type { AppDeps } from '../deps.js';
import { inboxFiltersFor, inboxViewerFor } from './list-inbox.js';

/** A spreadsheet is for reading and sorting, not for copying the whole register out: past this, narrow the filters. */
export const inboxExportRowLimit = 10_000;

export interface InboxExportQuery extends InboxFilters {
  isMine?: boolean | undefined;
  sort: InboxSort;
}

/** The workbook's input, its rows as the inbox lists them with the unit's and handler's names. */
export interface InboxExport extends Omit<InboxWorkbook, 'rows'> {
  rows: (InboxRow & { unitName: string | null; handlerName: string | null })[];
}

/**
 * The inbox as the caller sees it, with the same filters, for a spreadsheet: the cases they
 * may read and no identity (the inbox carries none). The export is recorded in the audit log
 * (who, the filters, how many rows) in the same transaction that reads the rows. A caller
 * whose roles read no cases (an administrator as such) is refused rather than handed an empty file.
 */
export async function exportInbox(deps: AppDeps, actor: StaffActor, query: InboxExportQuery, options: { rowLimit?: number } = {}): Promise<InboxExport> {
  requireCapability(actor, 'export_inbox');
  const rowLimit = options.rowLimit ?? inboxExportRowLimit;
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const viewer = await inboxViewerFor(trx, actor);
    if (viewer === null) throw new Error('exportInbox: can() let through an actor whose roles read no cases');
    const filters = inboxFiltersFor(actor, query);
    const page = await listInboxPage(trx, viewer, filters, { sort: query.sort, limit: rowLimit, now });
    const [units, names, own] = await Promise.all([
      listUnits(trx),
      findStaffNames(trx, [actor.userId, ...page.rows.flatMap((row) => (row.handlerId === null ? [] : [row.handlerId]))]),
      findUnitById(trx, actor.unitId),
    ]);
    const unitNames = new Map(units.map((unit) => [unit.id, unit.name]));
    const recordedFilters = withoutUndefined({ ...filters, sort: query.sort });
    const isTruncated = page.next !== null;
    const { sequence } = await recordAdminAction(trx, {
      actorId: actor.userId, action: 'inbox.exported', target: null, occurredAt: now,
      summary: { format: 'xlsx', filters: recordedFilters, rowCount: page.rows.length, isTruncated },
    });
    return {
      rows: page.rows.map((row) => ({ ...row, unitName: unitNames.get(row.unitId) ?? null, handlerName: row.handlerId === null ? null : names.get(row.handlerId) ?? null })),
      isTruncated, exportedAt: now, exportedBy: names.get(actor.userId) ?? null, timeZone: own?.timeZone ?? defaultTimeZone,
      filters: recordedFilters, auditSequence: sequence,
    };
  });
}

function withoutUndefined(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, member]) => member !== undefined));
}
