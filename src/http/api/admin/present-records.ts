import type { CategoryRecord } from '../../../app/admin/category-record.js';
import type { StaffUserRecord } from '../../../app/admin/staff-user-record.js';
import type { TeamRecord } from '../../../app/admin/team-record.js';
import type { UnitRecord } from '../../../app/admin/unit-record.js';

const isoOrNull = (date: Date | null) => (date === null ? null : date.toISOString());

export const presentUnit = (unit: UnitRecord) => ({ ...unit, createdAt: unit.createdAt.toISOString(), updatedAt: isoOrNull(unit.updatedAt) });

export const presentUser = (user: StaffUserRecord) => ({
  id: user.id, email: user.email, name: user.name, unitId: user.unitId, roles: user.roles, nip: user.nip, position: user.position, isActive: user.isActive,
  totpEnabled: user.isTotpEnabled, lockedUntil: isoOrNull(user.lockedUntil), createdAt: user.createdAt.toISOString(), updatedAt: isoOrNull(user.updatedAt),
});

export const presentTeam = (team: TeamRecord) => ({ ...team, createdAt: team.createdAt.toISOString() });

export const presentCategory = (category: CategoryRecord) => ({ ...category, createdAt: category.createdAt.toISOString(), updatedAt: isoOrNull(category.updatedAt) });
