import { can } from '../../domain/access/capabilities.js';
import type { StaffActor } from '../../domain/access/policy.js';
import { listNotificationsOf, type NotificationRecord } from '../../store/notifications.js';
import { listIntegrityTeamIds } from '../../store/staff-directory.js';
import { findUnitPath } from '../../store/unit-tree.js';
import type { AppDeps } from '../deps.js';

export interface NotificationItem extends Omit<NotificationRecord, 'complaint'> {
  registerNumber: string | null;
  /** The case's title, only while the reader may still see the case (it may since have become whistleblowing, or name them). */
  title: string | null;
}

export interface NotificationList {
  items: NotificationItem[];
  unreadCount: number;
}

/** The signed-in staff member's own notifications, newest first, with each case's register number and title. */
export async function listNotifications(deps: AppDeps, reader: StaffActor, limit: number): Promise<NotificationList> {
  const list = await listNotificationsOf(deps.db, reader.userId, limit);
  const integrityTeamIds = list.items.some((item) => item.complaint?.isWhistleblowing) ? await listIntegrityTeamIds(deps.db) : [];
  const unitPaths = new Map<number, number[]>();
  const items: NotificationItem[] = [];
  for (const { complaint, ...item } of list.items) {
    let title: string | null = null;
    if (complaint !== null) {
      const unitPath = unitPaths.get(complaint.unitId) ?? await findUnitPath(deps.db, complaint.unitId);
      unitPaths.set(complaint.unitId, unitPath);
      if (can(reader, 'read_case', { ...complaint, unitPath, integrityTeamIds }).isAllowed) title = complaint.title;
    }
    const stored = typeof item.data.registerNumber === 'string' ? item.data.registerNumber : null;
    items.push({ ...item, registerNumber: complaint?.registerNumber ?? stored, title });
  }
  return { items, unreadCount: list.unreadCount };
}
