import type { UserRow } from '../../store/schema.js';

/** What administration shows of an account: never the password hash nor the TOTP secret. */
export interface StaffUserRecord {
  id: number;
  email: string;
  name: string;
  unitId: number;
  roles: string[];
  nip: string | null;
  position: string | null;
  isActive: boolean;
  isTotpEnabled: boolean;
  lockedUntil: Date | null;
  createdAt: Date;
  updatedAt: Date | null;
}

export function toStaffUserRecord(row: UserRow): StaffUserRecord {
  return {
    id: row.id, email: row.email, name: row.name, unitId: row.unitId, roles: row.roles, nip: row.nip, position: row.position, isActive: row.isActive,
    isTotpEnabled: row.totpEnabledAt !== null, lockedUntil: row.lockedUntil, createdAt: row.createdAt, updatedAt: row.updatedAt,
  };
}
