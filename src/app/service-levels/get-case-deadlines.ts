import type { Kysely } from 'kysely';
import { deadlineStatusesOf, type DeadlineStatus } from '../../domain/service-level/deadline-status.js';
import { listCaseDeadlines } from '../../store/case-deadlines.js';
import type { Database } from '../../store/schema.js';

/** A case's deadlines and where each stands at `now`, for the staff and reporter views. */
export async function getCaseDeadlines(db: Kysely<Database>, complaintId: string, now: Date): Promise<DeadlineStatus[]> {
  const rows = await listCaseDeadlines(db, complaintId);
  return deadlineStatusesOf(rows, now);
}
