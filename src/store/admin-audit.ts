import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { canonicalJson } from './canonical-json.js';
import type { Database } from './schema.js';

/**
 * One entry of the administration audit log: who changed what in the configuration (units,
 * staff, teams, categories, settings, service levels, holidays …) or did something that
 * touches no single case (an inbox export). Case work is audited in case_events instead.
 */
export interface AdminAction {
  /** The staff member who acted; null when the system did (start-up, a data migration). */
  actorId: number | null;
  /**
   * `<thing>.<past tense verb>`, lower snake case, stable once written: `unit.created`,
   * `staff_user.updated`, `service_level.updated`, `holiday.deleted`, `inbox.exported`.
   */
  action: string;
  /** What it was done to, when that is one thing: `{ type: 'unit', id: 12 }`. */
  target?: { type: string; id: string | number } | null;
  /**
   * What changed, as JSON (Dates become ISO strings). For a change, `{ changes: { field: { from, to } } }`
   * reads best; for a creation, the new record. Never a password, hash, secret or token: the log
   * can never be cleaned, so members named like one are stored as "[redacted]".
   */
  summary?: Record<string, unknown>;
  occurredAt: Date;
}

export interface AdminAuditEntry {
  sequence: number;
  actorId: number | null;
  actorName: string | null;
  occurredAt: Date;
  action: string;
  targetType: string | null;
  targetId: string | null;
  summary: unknown;
}

export interface AdminAuditLink {
  sequence: number;
  actorId: number | null;
  occurredAt: Date;
  action: string;
  targetType: string | null;
  targetId: string | null;
  summary: unknown;
  prevHash: Buffer | null;
  hash: Buffer;
}

const actionPattern = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/;
const secretKey = /^(password|passwordhash|newpassword|secret|totpsecret|totpsecretsealed|token|tokenhash|apitoken|recoverycodes?|codehash|smtppassword|secretkey)$/i;

/**
 * Appends an entry to the administration audit log, in the caller's transaction, so the
 * entry lands exactly when the change it records does. Call it as the last step of the use
 * case, with the transaction (`trx`) the change was written in:
 *
 *   await recordAdminAction(trx, { actorId: actor.userId, action: 'holiday.added',
 *     target: { type: 'holiday', id: row.id }, summary: { holidayOn: '2026-03-20', name }, occurredAt: now });
 *
 * Entries form one hash chain for the installation, so appends are serialized by a
 * transaction-scoped advisory lock (held until commit: keep the rest of the transaction short).
 */
export async function recordAdminAction(trx: Kysely<Database>, entry: AdminAction): Promise<{ sequence: number }> {
  if (!trx.isTransaction) throw new Error('recordAdminAction runs in the transaction of the change it records');
  if (!actionPattern.test(entry.action)) throw new Error(`admin audit action "${entry.action}" is not <thing>.<verb>`);
  await sql`select pg_advisory_xact_lock(hashtext('aduan.admin_audit_events'))`.execute(trx);
  const last = await trx.selectFrom('adminAuditEvents').select(['sequence', 'hash']).orderBy('sequence', 'desc').limit(1).executeTakeFirst();
  const sequence = (last?.sequence ?? 0) + 1;
  const prevHash = last?.hash ?? null;
  // Through JSON first, so the hash covers exactly what jsonb gives back later (Dates as strings).
  const summary: unknown = JSON.parse(JSON.stringify(redactSecrets(entry.summary ?? {})));
  const link = {
    sequence, actorId: entry.actorId, occurredAt: entry.occurredAt, action: entry.action,
    targetType: entry.target?.type ?? null, targetId: entry.target === undefined || entry.target === null ? null : String(entry.target.id),
    summary, prevHash,
  };
  await trx.insertInto('adminAuditEvents').values({ ...link, summary: JSON.stringify(summary), hash: adminAuditDigest(link) }).execute();
  return { sequence };
}

/** The bytes an entry's hash covers, in a fixed order, including the previous entry's hash. */
export function adminAuditDigest(link: Omit<AdminAuditLink, 'hash'>): Buffer {
  const canonical = JSON.stringify([
    link.sequence, link.actorId, link.occurredAt.toISOString(), link.action, link.targetType, link.targetId,
    canonicalJson(link.summary), link.prevHash?.toString('hex') ?? null,
  ]);
  return createHash('sha256').update(canonical).digest();
}

function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  return Object.fromEntries(Object.entries(value).map(([key, member]) => [key, secretKey.test(key) ? '[redacted]' : redactSecrets(member)]));
}

export interface AdminAuditFilters {
  action?: string | undefined;
  actorId?: number | undefined;
  targetType?: string | undefined;
  targetId?: string | undefined;
  occurredFrom?: Date | undefined;
  occurredTo?: Date | undefined;
}

/** Newest first, by keyset on the sequence: `beforeSequence` is the last one of the previous page. */
export async function listAdminAuditEntries(
  db: Kysely<Database>, filters: AdminAuditFilters, page: { limit: number; beforeSequence?: number | undefined },
): Promise<AdminAuditEntry[]> {
  let query = db.selectFrom('adminAuditEvents').leftJoin('users', 'users.id', 'adminAuditEvents.actorId').select([
    'adminAuditEvents.sequence', 'adminAuditEvents.actorId', 'users.name as actorName', 'adminAuditEvents.occurredAt', 'adminAuditEvents.action',
    'adminAuditEvents.targetType', 'adminAuditEvents.targetId', 'adminAuditEvents.summary',
  ]);
  if (page.beforeSequence !== undefined) query = query.where('adminAuditEvents.sequence', '<', page.beforeSequence);
  if (filters.action !== undefined) query = query.where('adminAuditEvents.action', '=', filters.action);
  if (filters.actorId !== undefined) query = query.where('adminAuditEvents.actorId', '=', filters.actorId);
  if (filters.targetType !== undefined) query = query.where('adminAuditEvents.targetType', '=', filters.targetType);
  if (filters.targetId !== undefined) query = query.where('adminAuditEvents.targetId', '=', filters.targetId);
  if (filters.occurredFrom !== undefined) query = query.where('adminAuditEvents.occurredAt', '>=', filters.occurredFrom);
  if (filters.occurredTo !== undefined) query = query.where('adminAuditEvents.occurredAt', '<', filters.occurredTo);
  return query.orderBy('adminAuditEvents.sequence', 'desc').limit(page.limit).execute();
}

/** A stretch of the chain in order, for verification in batches. */
export async function readAdminAuditChain(db: Kysely<Database>, afterSequence: number, limit: number): Promise<AdminAuditLink[]> {
  return db.selectFrom('adminAuditEvents')
    .select(['sequence', 'actorId', 'occurredAt', 'action', 'targetType', 'targetId', 'summary', 'prevHash', 'hash'])
    .where('sequence', '>', afterSequence).orderBy('sequence').limit(limit).execute();
}
