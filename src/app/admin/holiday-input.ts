import type { Kysely } from 'kysely';
import { DomainError, type FieldProblem } from '../../domain/domain-error.js';
import { epochDayOf } from '../../domain/service-level/working-calendar.js';
import type { Database } from '../../store/schema.js';
import { isActiveUnit } from '../../store/unit-records.js';

/** Refuses a date that does not exist (2026-02-30) and a unit that is not an active one. */
export async function checkHolidayInput(trx: Kysely<Database>, input: { on?: string | undefined; unitId?: number | null | undefined }): Promise<void> {
  const problems: FieldProblem[] = [];
  if (input.on !== undefined) {
    try {
      epochDayOf(input.on);
    } catch {
      problems.push({ pointer: '/on', code: 'format', params: { format: 'date' } });
    }
  }
  if (input.unitId !== undefined && input.unitId !== null && !(await isActiveUnit(trx, input.unitId))) {
    problems.push({ pointer: '/unitId', code: 'unknown_reference' });
  }
  if (problems.length > 0) throw new DomainError('request.invalid', {}, problems);
}
