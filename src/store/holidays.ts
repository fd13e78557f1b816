import { sql, type Kysely, type Selectable } from 'kysely';
import { DomainError } from '../domain/domain-error.js';
import type { HolidayKind } from '../domain/service-level/indonesian-holidays.js';
import { isUniqueViolation } from './database-errors.js';
import type { Database, HolidaysTable } from './schema.js';

export type HolidayRow = Selectable<HolidaysTable>;

// `pg` would read a date column as a Date at local midnight of the server's own time zone;
// a holiday is a calendar date, so it is read as the 'YYYY-MM-DD' it is.
const holidayOnText = sql<string>`to_char(holiday_on, 'YYYY-MM-DD')`.as('holidayOn');
const columns = ['id', 'kind', 'nameId', 'nameEn', 'unitId', 'note', 'isActive', 'createdAt', 'updatedAt'] as const;

export interface NewHoliday {
  holidayOn: string;
  kind: HolidayKind;
  nameId: string;
  nameEn: string;
  unitId: number | null;
  note: string | null;
}

function dayTaken(error: unknown): unknown {
  // holidays_day_scope_key: the day already has an active entry for this scope.
  return isUniqueViolation(error) ? new DomainError('admin.already_exists', {}, [{ pointer: '/on', code: 'holiday_exists' }]) : error;
}

export async function insertHoliday(db: Kysely<Database>, holiday: NewHoliday, now: Date): Promise<number> {
  try {
    const row = await db.insertInto('holidays').values({ ...holiday, createdAt: now, updatedAt: now }).returning('id').executeTakeFirstOrThrow();
    return row.id;
  } catch (error) {
    throw dayTaken(error);
  }
}

export async function updateHoliday(db: Kysely<Database>, id: number, changes: Partial<NewHoliday> & { isActive?: boolean }, now: Date): Promise<boolean> {
  try {
    const result = await db.updateTable('holidays').set({ ...changes, updatedAt: now }).where('id', '=', id).executeTakeFirst();
    return result.numUpdatedRows > 0n;
  } catch (error) {
    throw dayTaken(error);
  }
}

/** Locks the row for the rest of the transaction, so the audit log records what the change replaced. */
export async function lockHoliday(db: Kysely<Database>, id: number): Promise<HolidayRow | undefined> {
  return db.selectFrom('holidays').select([...columns, holidayOnText]).where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function findHolidayById(db: Kysely<Database>, id: number): Promise<HolidayRow | undefined> {
  return db.selectFrom('holidays').select([...columns, holidayOnText]).where('id', '=', id).executeTakeFirst();
}

export interface HolidayFilters {
  year?: number | undefined;
  /** Only installation-wide entries (null) or only one unit's. */
  unitId?: number | null | undefined;
  includeInactive?: boolean | undefined;
}

export async function listHolidays(db: Kysely<Database>, filters: HolidayFilters): Promise<HolidayRow[]> {
  let query = db.selectFrom('holidays').select([...columns, holidayOnText]);
  if (filters.year !== undefined) {
    query = query.where('holidayOn', '>=', `${filters.year}-01-01`).where('holidayOn', '<=', `${filters.year}-12-31`);
  }
  if (filters.unitId === null) query = query.where('unitId', 'is', null);
  else if (filters.unitId !== undefined) query = query.where('unitId', '=', filters.unitId);
  if (!filters.includeInactive) query = query.where('isActive', '=', true);
  return query.orderBy('holidayOn').orderBy('id').execute();
}

/** Every active non-working day with its scope: what the working calendars are built from. */
export async function listActiveHolidayDays(db: Kysely<Database>): Promise<{ holidayOn: string; unitId: number | null }[]> {
  return db.selectFrom('holidays').select(['unitId', holidayOnText]).where('isActive', '=', true).execute();
}
