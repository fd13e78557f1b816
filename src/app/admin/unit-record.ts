import type { UnitRow } from '../../store/schema.js';

export interface ApprovalLevel {
  role: string;
  unitsUp: number;
}

export interface UnitRecord {
  id: number;
  code: string;
  name: string;
  parentId: number | null;
  timeZone: string;
  approvalChain: ApprovalLevel[];
  address: string | null;
  isActive: boolean;
  createdAt: Date;
  updatedAt: Date | null;
}

function isApprovalLevel(value: unknown): value is ApprovalLevel {
  return typeof value === 'object' && value !== null && 'role' in value && typeof value.role === 'string' && 'unitsUp' in value && typeof value.unitsUp === 'number';
}

export function toUnitRecord(row: UnitRow): UnitRecord {
  const chain = Array.isArray(row.approvalChain) ? row.approvalChain.filter(isApprovalLevel).map(({ role, unitsUp }) => ({ role, unitsUp })) : [];
  return {
    id: row.id, code: row.code, name: row.name, parentId: row.parentId, timeZone: row.timeZone, approvalChain: chain,
    address: row.address, isActive: row.isActive, createdAt: row.createdAt, updatedAt: row.updatedAt,
  };
}
