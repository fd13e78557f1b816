import type { HolidayKind } from '../../domain/service-level/indonesian-holidays.js';
import type { HolidayRow } from '../../store/holidays.js';

export interface HolidayRecord {
  id: number;
  /** The local date, 'YYYY-MM-DD'. */
  on: string;
  kind: HolidayKind;
  nameId: string;
  nameEn: string;
  /** Null: every unit; otherwise this unit and the units below it. */
  unitId: number | null;
  note: string | null;
  isActive: boolean;
  createdAt: Date;
  updatedAt: Date | null;
}

export function toHolidayRecord(row: HolidayRow): HolidayRecord {
  return {
    // The column's check constraint admits only the holiday kinds.
    id: row.id, on: row.holidayOn, kind: row.kind, nameId: row.nameId, nameEn: row.nameEn, unitId: row.unitId,
    note: row.note, isActive: row.isActive, createdAt: row.createdAt, updatedAt: row.updatedAt,
  };
}
