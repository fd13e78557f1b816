import { requireCapability } from '../../domain/access/capabilities.js';
import { listAdminAuditEntries, type AdminAuditEntry, type AdminAuditFilters } from '../../store/admin-audit.js';
import type { AppDeps } from '../deps.js';
import type { AdminActor } from './admin-actor.js';

export interface AdminAuditPage {
  items: AdminAuditEntry[];
  /** The sequence to pass as `beforeSequence` for the next (older) page; null on the last one. */
  next: number | null;
}

/** The administration audit log, newest first, paged by keyset on the chain's sequence: for administrators and auditors. */
export async function listAdminAudit(deps: AppDeps, actor: AdminActor, filters: AdminAuditFilters, page: { limit: number; beforeSequence?: number | undefined }): Promise<AdminAuditPage> {
  requireCapability(actor, 'read_audit_log');
  const rows = await listAdminAuditEntries(deps.db, filters, { limit: page.limit + 1, beforeSequence: page.beforeSequence });
  const items = rows.slice(0, page.limit);
  return { items, next: rows.length > page.limit ? items.at(-1)?.sequence ?? null : null };
}
