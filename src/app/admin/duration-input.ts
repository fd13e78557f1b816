import { DomainError, type FieldProblem } from '../../domain/domain-error.js';
import type { Duration } from '../../domain/service-level/deadline.js';

// A year at most: a service level beyond that is a typing mistake, and a deadline is worked
// out day by day.
const maxAmount: Record<Duration['unit'], number> = { minutes: 366 * 24 * 60, working_days: 260, calendar_days: 366 };

/** Refuses durations longer than a year, naming each field. */
export function checkDurations(durations: Record<string, Duration | undefined>): void {
  const problems: FieldProblem[] = [];
  for (const [field, duration] of Object.entries(durations)) {
    if (duration === undefined) continue;
    const limit = maxAmount[duration.unit];
    if (duration.amount > limit) problems.push({ pointer: `/${field}/amount`, code: 'maximum', params: { limit } });
  }
  if (problems.length > 0) throw new DomainError('request.invalid', {}, problems);
}
