import { listNotificationsOf, type NotificationRecord } from '../../store/notifications.js';
import type { AppDeps } from '../deps.js';

export interface NotificationList {
  items: NotificationRecord[];
  unreadCount: number;
}

/** The signed-in staff member's own notifications, newest first. */
export async function listNotifications(deps: AppDeps, userId: number, limit: number): Promise<NotificationList> {
  return listNotificationsOf(deps.db, userId, limit);
}
