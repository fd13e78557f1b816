/** How administration describes a change in the audit log (store/admin-audit.ts). */

export type FieldChanges = Record<string, { from: unknown; to: unknown }>;

const bookkeeping = new Set(['createdAt', 'updatedAt']);

/** The fields whose value differs between two versions of a record; timestamps of the row itself are left out. */
export function changedFields<T extends object>(before: T, after: T): FieldChanges {
  const changes: FieldChanges = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (bookkeeping.has(key)) continue;
    const from = (before as Record<string, unknown>)[key];
    const to = (after as Record<string, unknown>)[key];
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[key] = { from: from ?? null, to: to ?? null };
  }
  return changes;
}

/** A new record as the log keeps it: without the row's own timestamps. */
export function createdRecord<T extends object>(record: T): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([key]) => !bookkeeping.has(key)));
}
