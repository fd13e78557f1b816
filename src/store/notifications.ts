import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';

export interface NotificationRecord {
  id: number;
  complaintId: string | null;
  template: string;
  data: Record<string, unknown>;
  createdAt: Date;
  readAt: Date | null;
  /** The case as it is now, to render the sentence and to check the reader may still see it. */
  complaint: {
    registerNumber: string; title: string; unitId: number; handlerId: number | null; teamId: number | null;
    isWhistleblowing: boolean; concernedStaffIds: number[];
  } | null;
}

export async function listNotificationsOf(db: Kysely<Database>, userId: number, limit: number): Promise<{ items: NotificationRecord[]; unreadCount: number }> {
  const rows = await db.selectFrom('notifications').leftJoin('complaints', 'complaints.id', 'notifications.complaintId')
    .select(['notifications.id', 'notifications.complaintId', 'notifications.template', 'notifications.data', 'notifications.createdAt', 'notifications.readAt'])
    .select(['complaints.registerNumber', 'complaints.title', 'complaints.unitId', 'complaints.handlerId', 'complaints.teamId', 'complaints.isWhistleblowing', 'complaints.concernedStaffIds'])
    .where('notifications.userId', '=', userId).orderBy('notifications.createdAt', 'desc').orderBy('notifications.id', 'desc').limit(limit).execute();
  const unread = await db.selectFrom('notifications').select(sql<number>`count(*)::int`.as('count'))
    .where('userId', '=', userId).where('readAt', 'is', null).executeTakeFirstOrThrow();
  return {
    items: rows.map((row) => ({
      id: row.id, complaintId: row.complaintId, template: row.template, data: (row.data ?? {}) as Record<string, unknown>, createdAt: row.createdAt, readAt: row.readAt,
      complaint: row.registerNumber === null || row.title === null || row.unitId === null ? null : {
        registerNumber: row.registerNumber, title: row.title, unitId: row.unitId, handlerId: row.handlerId, teamId: row.teamId,
        isWhistleblowing: row.isWhistleblowing === true, concernedStaffIds: ((row.concernedStaffIds ?? []) as (number | string)[]).map(Number),
      },
    })),
    unreadCount: unread.count,
  };
}

/** Marks one of the user's notifications read (the first time only); false when it is not theirs or does not exist. */
export async function markNotificationRead(db: Kysely<Database>, userId: number, id: number, now: Date): Promise<boolean> {
  const row = await db.updateTable('notifications').set({ readAt: sql<Date>`coalesce(read_at, ${now})` })
    .where('id', '=', id).where('userId', '=', userId).returning('id').executeTakeFirst();
  return row !== undefined;
}
