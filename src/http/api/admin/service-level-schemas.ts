import { Type, type Static } from 'typebox';
import { channels } from '../../../domain/complaint/channel.js';
import { holidayKinds } from '../../../domain/service-level/indonesian-holidays.js';
import { priorities } from '../../../domain/workflow/workflow-values.js';

const closed = { additionalProperties: false } as const;
const dateTime = Type.String({ format: 'date-time' });
const label = Type.String({ minLength: 1, maxLength: 200 });
const localDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'A calendar date, YYYY-MM-DD' });

export const DurationSchema = Type.Object({
  amount: Type.Integer({ minimum: 1, description: 'At most a year: 527040 minutes, 260 working days or 366 calendar days' }),
  unit: Type.Enum(['minutes', 'working_days', 'calendar_days'], {
    description: 'minutes: wall-clock; working_days: the receipt day is day 0, due at the close of office hours on the Nth working day; calendar_days: the close of office hours N days after receipt',
  }),
}, closed);

const deadlines = {
  acknowledgement: DurationSchema,
  verification: DurationSchema,
  response: DurationSchema,
};

const nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Optional(Type.Union([schema, Type.Null()]));

export const ServiceLevelPolicyBody = Type.Object({
  name: label,
  channel: nullable(Type.Enum([...channels])),
  category: nullable(Type.String({ minLength: 1, maxLength: 64 })),
  priority: nullable(Type.Enum([...priorities])),
  isWhistleblowing: nullable(Type.Boolean()),
  ...deadlines,
}, { ...closed, description: 'Selectors left out or null match any case; the most specific matching policy wins (category, then whistleblowing, then priority, then channel). Selectors cannot change later.' });
export type ServiceLevelPolicyBody = Static<typeof ServiceLevelPolicyBody>;

export const ServiceLevelPolicyPatch = Type.Object({
  name: Type.Optional(label),
  acknowledgement: Type.Optional(DurationSchema),
  verification: Type.Optional(DurationSchema),
  response: Type.Optional(DurationSchema),
  isActive: Type.Optional(Type.Boolean({ description: 'The last active catch-all policy cannot be deactivated' })),
}, closed);
export type ServiceLevelPolicyPatch = Static<typeof ServiceLevelPolicyPatch>;

const DurationReply = Type.Object({ amount: Type.Integer(), unit: Type.String() });
export const ServiceLevelPolicyReply = Type.Object({
  id: Type.Integer(), name: Type.String(), channel: Type.Union([Type.String(), Type.Null()]), category: Type.Union([Type.String(), Type.Null()]),
  priority: Type.Union([Type.String(), Type.Null()]), isWhistleblowing: Type.Union([Type.Boolean(), Type.Null()]),
  acknowledgement: DurationReply, verification: DurationReply, response: DurationReply,
  isActive: Type.Boolean(), createdAt: dateTime, updatedAt: Type.Union([dateTime, Type.Null()]),
});

export const ServiceLevelSettingsSchema = Type.Object({
  reminderPercents: Type.Array(Type.Integer({ minimum: 1, maximum: 99 }), { maxItems: 5, uniqueItems: true, description: 'Remind whoever must act when this share of a deadline’s time has gone' }),
  appealWindowDays: Type.Integer({ minimum: 1, maximum: 366, description: 'Days after the response letter in which the reporter may appeal; the case then closes' }),
  reporterReminderAfter: DurationSchema,
  closeUnansweredAfter: DurationSchema,
}, closed);
export type ServiceLevelSettingsSchema = Static<typeof ServiceLevelSettingsSchema>;

export const HolidayBody = Type.Object({
  on: localDate,
  kind: Type.Enum([...holidayKinds]),
  nameId: label,
  nameEn: label,
  unitId: nullable(Type.Integer({ minimum: 1, description: 'Only this unit and the units below it; null or left out: the whole installation' })),
  note: nullable(Type.String({ maxLength: 500 })),
}, closed);
export type HolidayBody = Static<typeof HolidayBody>;

export const HolidayPatch = Type.Object({
  on: Type.Optional(localDate),
  kind: Type.Optional(Type.Enum([...holidayKinds])),
  nameId: Type.Optional(label),
  nameEn: Type.Optional(label),
  unitId: nullable(Type.Integer({ minimum: 1 })),
  note: nullable(Type.String({ maxLength: 500 })),
  isActive: Type.Optional(Type.Boolean({ description: 'true brings back a deleted holiday' })),
}, closed);
export type HolidayPatch = Static<typeof HolidayPatch>;

export const HolidayReply = Type.Object({
  id: Type.Integer(), on: Type.String(), kind: Type.String(), nameId: Type.String(), nameEn: Type.String(),
  unitId: Type.Union([Type.Integer(), Type.Null()]), note: Type.Union([Type.String(), Type.Null()]), isActive: Type.Boolean(),
  createdAt: dateTime, updatedAt: Type.Union([dateTime, Type.Null()]),
});

export const HolidayQuery = Type.Object({
  year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
  unitId: Type.Optional(Type.Integer({ minimum: 1, description: 'Only the entries of this unit' })),
  installationWide: Type.Optional(Type.Boolean({ description: 'Only the entries for every unit' })),
  includeInactive: Type.Optional(Type.Boolean({ description: 'Deleted ones too' })),
}, closed);
export type HolidayQuery = Static<typeof HolidayQuery>;
