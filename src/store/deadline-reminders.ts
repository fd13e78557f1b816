import type { Kysely } from 'kysely';
import type { DeadlineKind } from '../domain/service-level/deadline-kind.js';
import type { Database } from './schema.js';

/** The percents already reminded, per `kind:cycle`. */
export async function listSentReminders(db: Kysely<Database>, complaintId: string): Promise<Map<string, Set<number>>> {
  const rows = await db.selectFrom('deadlineReminders').select(['kind', 'cycle', 'percent']).where('complaintId', '=', complaintId).execute();
  const sent = new Map<string, Set<number>>();
  for (const row of rows) {
    const key = `${row.kind}:${row.cycle}`;
    sent.set(key, (sent.get(key) ?? new Set()).add(row.percent));
  }
  return sent;
}

/**
 * Records that a reminder went out (or was passed over). The primary key (case, kind, cycle,
 * percent) makes it once only: false when it was already recorded, and then nothing is sent.
 */
export async function recordDeadlineReminder(
  trx: Kysely<Database>, reminder: { complaintId: string; kind: DeadlineKind; cycle: number; percent: number; sentAt: Date },
): Promise<boolean> {
  const inserted = await trx.insertInto('deadlineReminders').values({ ...reminder, outboxId: null })
    .onConflict((conflict) => conflict.doNothing()).returning('percent').execute();
  return inserted.length > 0;
}

export async function linkDeadlineReminderToOutbox(
  trx: Kysely<Database>, reminder: { complaintId: string; kind: DeadlineKind; cycle: number; percent: number }, outboxId: number,
): Promise<void> {
  await trx.updateTable('deadlineReminders').set({ outboxId })
    .where('complaintId', '=', reminder.complaintId).where('kind', '=', reminder.kind)
    .where('cycle', '=', reminder.cycle).where('percent', '=', reminder.percent).execute();
}
