import type { Kysely, Selectable } from 'kysely';
import type { DurationUnit } from '../domain/service-level/deadline.js';
import type { DeadlineKind } from '../domain/service-level/deadline-kind.js';
import type { CaseDeadlinesTable, Database } from './schema.js';

export type CaseDeadlineRow = Selectable<CaseDeadlinesTable>;

export interface CaseDeadlineValues {
  complaintId: string;
  kind: DeadlineKind;
  cycle: number;
  policyId: number | null;
  durationAmount: number;
  durationUnit: DurationUnit;
  calendarUnitId: number;
  startsAt: Date;
  dueAt: Date;
  dueSoonAt: Date;
  pausedAt: Date | null;
  metAt: Date | null;
  endedAt: Date | null;
  reminderPoints: { percent: number; at: string }[];
  nextReminderAt: Date | null;
  escalatedAt: Date | null;
}

export async function listCaseDeadlines(db: Kysely<Database>, complaintId: string): Promise<CaseDeadlineRow[]> {
  return db.selectFrom('caseDeadlines').selectAll().where('complaintId', '=', complaintId).execute();
}

/** Writes a case's deadlines as planned; the caller holds the case row locked. */
export async function saveCaseDeadlines(trx: Kysely<Database>, deadlines: readonly CaseDeadlineValues[]): Promise<void> {
  if (deadlines.length === 0) return;
  const rows = deadlines.map((deadline) => ({ ...deadline, reminderPoints: JSON.stringify(deadline.reminderPoints) }));
  await trx.insertInto('caseDeadlines').values(rows)
    .onConflict((conflict) => conflict.columns(['complaintId', 'kind']).doUpdateSet((eb) => ({
      cycle: eb.ref('excluded.cycle'), policyId: eb.ref('excluded.policyId'), durationAmount: eb.ref('excluded.durationAmount'),
      durationUnit: eb.ref('excluded.durationUnit'), calendarUnitId: eb.ref('excluded.calendarUnitId'), startsAt: eb.ref('excluded.startsAt'),
      dueAt: eb.ref('excluded.dueAt'), dueSoonAt: eb.ref('excluded.dueSoonAt'), pausedAt: eb.ref('excluded.pausedAt'),
      metAt: eb.ref('excluded.metAt'), endedAt: eb.ref('excluded.endedAt'), reminderPoints: eb.ref('excluded.reminderPoints'),
      nextReminderAt: eb.ref('excluded.nextReminderAt'), escalatedAt: eb.ref('excluded.escalatedAt'),
    })))
    .execute();
}

export interface BreachedDeadline {
  complaintId: string;
  kind: string;
  cycle: number;
  dueAt: Date;
}

/**
 * The escalation job's scan: deadlines that still count, passed before `now` and not yet
 * escalated, oldest first. Answered by case_deadlines_breach_idx (a partial index holding
 * only such rows), so its cost follows the breaches, not the cases (see BENCHMARKS.md).
 */
export function breachedDeadlinesQuery(db: Kysely<Database>, now: Date, limit: number) {
  return db.selectFrom('caseDeadlines').select(['complaintId', 'kind', 'cycle', 'dueAt'])
    .where('metAt', 'is', null).where('endedAt', 'is', null).where('pausedAt', 'is', null).where('escalatedAt', 'is', null)
    .where('dueAt', '<', now)
    .orderBy('dueAt').limit(limit);
}

export async function findBreachedDeadlines(db: Kysely<Database>, now: Date, limit: number): Promise<BreachedDeadline[]> {
  return breachedDeadlinesQuery(db, now, limit).execute();
}

/** The reminder job's scan (case_deadlines_reminder_idx). */
export async function findDueReminders(db: Kysely<Database>, now: Date, limit: number): Promise<{ complaintId: string; kind: string }[]> {
  return db.selectFrom('caseDeadlines').select(['complaintId', 'kind'])
    .where('nextReminderAt', '<=', now).orderBy('nextReminderAt').limit(limit).execute();
}

export async function lockCaseDeadlines(trx: Kysely<Database>, complaintId: string): Promise<CaseDeadlineRow[]> {
  return trx.selectFrom('caseDeadlines').selectAll().where('complaintId', '=', complaintId).forUpdate().execute();
}

export async function markDeadlineEscalated(trx: Kysely<Database>, complaintId: string, kind: DeadlineKind, now: Date): Promise<void> {
  await trx.updateTable('caseDeadlines').set({ escalatedAt: now }).where('complaintId', '=', complaintId).where('kind', '=', kind).execute();
}

export async function setNextReminderAt(trx: Kysely<Database>, complaintId: string, kind: DeadlineKind, at: Date | null): Promise<void> {
  await trx.updateTable('caseDeadlines').set({ nextReminderAt: at }).where('complaintId', '=', complaintId).where('kind', '=', kind).execute();
}
