import { Type, type Static } from 'typebox';
import { staffRoles } from '../../../domain/access/policy.js';
import { teamMemberRoles } from '../../../domain/access/staff-role.js';

const closed = { additionalProperties: false } as const;
const dateTime = Type.String({ format: 'date-time' });
const id = Type.Integer({ minimum: 1 });
const nullableId = Type.Union([id, Type.Null()]);
const label = Type.String({ minLength: 1, maxLength: 200 });
const shortCode = Type.String({ minLength: 1, maxLength: 32, pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$' });
const role = Type.Enum([...staffRoles]);

const ApprovalLevel = Type.Object({
  role,
  unitsUp: Type.Integer({ minimum: 0, maximum: 10, description: '0 is the handling unit, 1 its parent, and so on' }),
}, closed);

export const UnitBody = Type.Object({
  code: shortCode,
  name: label,
  parentId: Type.Optional(nullableId),
  timeZone: Type.String({ minLength: 1, maxLength: 64, description: 'IANA name such as Asia/Jakarta (WIB), Asia/Makassar (WITA), Asia/Jayapura (WIT)' }),
  approvalChain: Type.Array(ApprovalLevel, { maxItems: 10, description: 'Who approves a response, level by level; the drafter is not a level' }),
  address: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])),
}, closed);
export type UnitBody = Static<typeof UnitBody>;
export const UnitPatch = Type.Partial(UnitBody, closed);
export type UnitPatch = Static<typeof UnitPatch>;

export const UnitReply = Type.Object({
  id: Type.Integer(), code: Type.String(), name: Type.String(), parentId: Type.Union([Type.Integer(), Type.Null()]),
  timeZone: Type.String(), approvalChain: Type.Array(Type.Object({ role: Type.String(), unitsUp: Type.Integer() })),
  address: Type.Union([Type.String(), Type.Null()]), isActive: Type.Boolean(), createdAt: dateTime, updatedAt: Type.Union([dateTime, Type.Null()]),
});

export const UserBody = Type.Object({
  email: Type.String({ format: 'email', maxLength: 254 }),
  name: label,
  password: Type.String({ minLength: 12, maxLength: 1024 }),
  unitId: id,
  roles: Type.Array(role, { minItems: 1, maxItems: staffRoles.length, uniqueItems: true }),
  nip: Type.Optional(Type.Union([Type.String({ pattern: '^[0-9]{18}$', description: 'Nomor Induk Pegawai (18 digits), printed under the signature' }), Type.Null()])),
  position: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 200, description: 'Jabatan, e.g. Kepala Bagian Umum, printed above the signer\'s name' }), Type.Null()])),
}, closed);
export type UserBody = Static<typeof UserBody>;
export const UserPatch = Type.Object({
  ...Type.Partial(UserBody).properties,
  resetTotp: Type.Optional(Type.Boolean({ description: 'Turn TOTP off (lost device); the person enrols again' })),
}, closed);
export type UserPatch = Static<typeof UserPatch>;

export const UserReply = Type.Object({
  id: Type.Integer(), email: Type.String(), name: Type.String(), unitId: Type.Integer(), roles: Type.Array(Type.String()),
  nip: Type.Union([Type.String(), Type.Null()]), position: Type.Union([Type.String(), Type.Null()]),
  isActive: Type.Boolean(), totpEnabled: Type.Boolean(), lockedUntil: Type.Union([dateTime, Type.Null()]),
  createdAt: dateTime, updatedAt: Type.Union([dateTime, Type.Null()]),
}, { description: 'Never carries the password hash or the TOTP secret' });

const TeamMember = Type.Object({ userId: id, role: Type.Enum([...teamMemberRoles]) }, closed);
export const TeamBody = Type.Object({
  unitId: id,
  code: shortCode,
  name: label,
  isIntegrityTeam: Type.Optional(Type.Boolean({ description: 'The designated team that alone sees whistleblowing cases' })),
  members: Type.Array(TeamMember, { maxItems: 200 }),
}, closed);
export type TeamBody = Static<typeof TeamBody>;
export const TeamPatch = Type.Partial(TeamBody, closed);
export type TeamPatch = Static<typeof TeamPatch>;

export const TeamReply = Type.Object({
  id: Type.Integer(), unitId: Type.Integer(), code: Type.String(), name: Type.String(), isIntegrityTeam: Type.Boolean(), isActive: Type.Boolean(),
  createdAt: dateTime, members: Type.Array(Type.Object({ userId: Type.Integer(), role: Type.String() })),
});

const categoryFields = {
  nameId: label,
  nameEn: label,
  isWhistleblowing: Type.Optional(Type.Boolean({ description: 'Fraud, corruption, bribery: seen only by the integrity team' })),
  defaultUnitId: Type.Optional(nullableId),
};
export const CategoryBody = Type.Object({
  code: Type.String({ minLength: 1, maxLength: 64, pattern: '^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*$', description: 'Stable, e.g. service.time; cannot change later' }),
  ...categoryFields,
}, closed);
export type CategoryBody = Static<typeof CategoryBody>;
export const CategoryPatch = Type.Partial(Type.Object(categoryFields), closed);
export type CategoryPatch = Static<typeof CategoryPatch>;

export const CategoryReply = Type.Object({
  id: Type.Integer(), code: Type.String(), nameId: Type.String(), nameEn: Type.String(), isWhistleblowing: Type.Boolean(),
  defaultUnitId: Type.Union([Type.Integer(), Type.Null()]), isActive: Type.Boolean(), createdAt: dateTime, updatedAt: Type.Union([dateTime, Type.Null()]),
});

export const TotpRequiredRoles = Type.Object({ roles: Type.Array(role, { maxItems: staffRoles.length, uniqueItems: true }) }, closed);
export type TotpRequiredRoles = Static<typeof TotpRequiredRoles>;

export const listOf = <T extends Parameters<typeof Type.Array>[0]>(item: T) => Type.Object({ items: Type.Array(item) });
