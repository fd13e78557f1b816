import { listHolidays as listStoredHolidays, type HolidayFilters } from '../../store/holidays.js';
import type { AppDeps } from '../deps.js';
import { toHolidayRecord, type HolidayRecord } from './holiday-record.js';

/** The calendar's non-working days in date order, deactivated ones only when asked for. */
export async function listHolidays(deps: AppDeps, filters: HolidayFilters): Promise<HolidayRecord[]> {
  return (await listStoredHolidays(deps.db, filters)).map(toHolidayRecord);
}
