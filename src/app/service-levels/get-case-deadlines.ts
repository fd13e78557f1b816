import type { Kysely } from 'kysely';
import type { DeadlineKind } from '../../domain/service-level/deadline-kind.js';
import { deadlineStatusesOf, type DeadlineStatus } from '../../domain/service-level/deadline-status.js';
import { listCaseDeadlines } from '../../store/case-deadlines.js';
import type { Database } from '../../store/schema.js';

/** A case's deadlines and where each stands at `now`, for the staff and reporter views. */
export async function getCaseDeadlines(db: Kysely<Database>, complaintId: string, now: Date): Promise<DeadlineStatus[]> {
  const rows = await listCaseDeadlines(db, complaintId);
  // The column's check constraint admits only the three kinds.
  return deadlineStatusesOf(rows.map((row) => ({ ...row, kind: row.kind as DeadlineKind })), now);
}
