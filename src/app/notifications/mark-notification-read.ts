import { DomainError } from '../../domain/domain-error.js';
import { markNotificationRead as markRead } from '../../store/notifications.js';
import type { AppDeps } from '../deps.js';

/**
 * Marks one of the staff member's own notifications read. Someone else's answers exactly as a
 * missing one, so ids reveal nothing. (`admin.not_found` is the catalogue's generic "not
 * found"; a `notification.not_found` code belongs in domain-error.ts when that file is free.)
 */
export async function markNotificationRead(deps: AppDeps, userId: number, notificationId: number): Promise<void> {
  if (!(await markRead(deps.db, userId, notificationId, deps.clock.now()))) throw new DomainError('admin.not_found');
}
