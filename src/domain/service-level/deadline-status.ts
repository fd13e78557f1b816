import type { DeadlineKind } from './deadline-kind.js';

export const deadlineStates = ['running', 'paused', 'due_soon', 'overdue', 'met', 'missed'] as const;
export type DeadlineState = (typeof deadlineStates)[number];

/** A deadline as staff and reporters see it. */
export interface DeadlineStatus {
  kind: DeadlineKind;
  dueAt: Date;
  metAt: Date | null;
  state: DeadlineState;
}

export interface StoredDeadline {
  kind: DeadlineKind;
  dueAt: Date;
  dueSoonAt: Date;
  pausedAt: Date | null;
  metAt: Date | null;
  endedAt: Date | null;
}

/**
 * Where a deadline stands at `now`. One that stopped applying before it fell due (the case
 * was withdrawn, merged, referred outside, or rejected before a response was due) is no
 * longer anyone's deadline and is not shown (null); one that ended after it fell due was missed.
 */
export function deadlineStatusOf(deadline: StoredDeadline, now: Date): DeadlineStatus | null {
  const dueMs = deadline.dueAt.getTime();
  const base = { kind: deadline.kind, dueAt: deadline.dueAt, metAt: deadline.metAt };
  if (deadline.metAt !== null) return { ...base, state: deadline.metAt.getTime() <= dueMs ? 'met' : 'missed' };
  if (deadline.endedAt !== null) return deadline.endedAt.getTime() > dueMs ? { ...base, state: 'missed' } : null;
  if (deadline.pausedAt !== null) return { ...base, state: 'paused' };
  if (now.getTime() > dueMs) return { ...base, state: 'overdue' };
  if (now.getTime() >= deadline.dueSoonAt.getTime()) return { ...base, state: 'due_soon' };
  return { ...base, state: 'running' };
}

const kindOrder: Record<DeadlineKind, number> = { acknowledgement: 0, verification: 1, response: 2 };

export function deadlineStatusesOf(deadlines: readonly StoredDeadline[], now: Date): DeadlineStatus[] {
  return [...deadlines].sort((a, b) => kindOrder[a.kind] - kindOrder[b.kind])
    .flatMap((deadline) => {
      const status = deadlineStatusOf(deadline, now);
      return status === null ? [] : [status];
    });
}
