import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';

export interface NotificationRecord {
  id: number;
  complaintId: string | null;
  template: string;
  data: Record<string, unknown>;
  createdAt: Date;
  readAt: Date | null;
}

export async function listNotificationsOf(db: Kysely<Database>, userId: number, limit: number): Promise<{ items: NotificationRecord[]; unreadCount: number }> {
  const rows = await db.selectFrom('notifications').select(['id', 'complaintId', 'template', 'data', 'createdAt', 'readAt'])
    .where('userId', '=', userId).orderBy('createdAt', 'desc').orderBy('id', 'desc').limit(limit).execute();
  const unread = await db.selectFrom('notifications').select(sql<number>`count(*)::int`.as('count'))
    .where('userId', '=', userId).where('readAt', 'is', null).executeTakeFirstOrThrow();
  return {
    items: rows.map((row) => ({ ...row, data: (row.data ?? {}) as Record<string, unknown> })),
    unreadCount: unread.count,
  };
}

/** Marks one of the user's notifications read (the first time only); false when it is not theirs or does not exist. */
export async function markNotificationRead(db: Kysely<Database>, userId: number, id: number, now: Date): Promise<boolean> {
  const row = await db.updateTable('notifications').set({ readAt: sql<Date>`coalesce(read_at, ${now})` })
    .where('id', '=', id).where('userId', '=', userId).returning('id').executeTakeFirst();
  return row !== undefined;
}
