import { Type, type Static } from 'typebox';

const closed = { additionalProperties: false } as const;
const dateTime = Type.String({ format: 'date-time' });

export const AdminAuditQuery = Type.Object({
  action: Type.Optional(Type.String({ maxLength: 100, pattern: '^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+$', description: 'e.g. staff_user.updated, inbox.exported' })),
  actorId: Type.Optional(Type.Integer({ minimum: 1 })),
  targetType: Type.Optional(Type.String({ maxLength: 64, pattern: '^[a-z][a-z0-9_]*$', description: 'e.g. unit, staff_user, team, category, setting' })),
  targetId: Type.Optional(Type.String({ maxLength: 100 })),
  from: Type.Optional(dateTime),
  to: Type.Optional(dateTime),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  cursor: Type.Optional(Type.String({ pattern: '^[1-9][0-9]{0,14}$', description: 'The `next` of the previous page' })),
}, closed);
export type AdminAuditQuery = Static<typeof AdminAuditQuery>;

const AdminAuditItem = Type.Object({
  sequence: Type.Integer({ description: 'Position in the hash chain' }),
  at: dateTime,
  actor: Type.Union([Type.Object({ id: Type.Integer(), name: Type.Union([Type.String(), Type.Null()]) }), Type.Null()], { description: 'Null when the system acted' }),
  action: Type.String(),
  target: Type.Union([Type.Object({ type: Type.String(), id: Type.String() }), Type.Null()]),
  summary: Type.Unknown({ description: 'What changed: { changes: { field: { from, to } } }, or the new record; never a password or secret' }),
}, closed);

export const AdminAuditReply = Type.Object({
  items: Type.Array(AdminAuditItem),
  next: Type.Union([Type.String(), Type.Null()], { description: 'Pass as `cursor` for older entries; null on the last page' }),
}, closed);

export const AdminAuditVerdictReply = Type.Object({
  isIntact: Type.Boolean(),
  entriesChecked: Type.Integer({ description: 'All entries when intact; up to the first broken one otherwise' }),
  firstBrokenSequence: Type.Union([Type.Integer(), Type.Null()]),
  problem: Type.Union([Type.Enum(['content_changed', 'link_broken', 'sequence_gap']), Type.Null()]),
}, closed);
