import type { CategoryRow } from '../../store/categories.js';

export interface CategoryRecord {
  id: number;
  code: string;
  nameId: string;
  nameEn: string;
  isWhistleblowing: boolean;
  defaultUnitId: number | null;
  isActive: boolean;
  createdAt: Date;
  updatedAt: Date | null;
}

export function toCategoryRecord(row: CategoryRow): CategoryRecord {
  return {
    id: row.id, code: row.code, nameId: row.nameId, nameEn: row.nameEn, isWhistleblowing: row.isWhistleblowing,
    defaultUnitId: row.defaultUnitId, isActive: row.isActive, createdAt: row.createdAt, updatedAt: row.updatedAt,
  };
}
