import { Type, type Static } from 'typebox';
import { staffRoles } from '../../../domain/access/policy.js';

const dateTime = Type.String({ format: 'date-time' });

export const LoginBody = Type.Object({
  email: Type.String({ minLength: 3, maxLength: 254 }),
  password: Type.String({ minLength: 1, maxLength: 1024 }),
  totp: Type.Optional(Type.String({ minLength: 1, maxLength: 32, description: 'A 6-digit authenticator code or a recovery code' })),
}, { additionalProperties: false });
export type LoginBody = Static<typeof LoginBody>;

export const LoginReply = Type.Object({
  token: Type.String({ description: 'Also set as the aduan_session cookie; send as "Authorization: Bearer <token>" from API clients' }),
  expiresAt: dateTime,
  totpEnrolmentRequired: Type.Boolean({ description: 'When true, this session may only enrol a second factor (POST /api/v1/auth/totp/enrol)' }),
});

export const MeReply = Type.Object({
  id: Type.Integer(),
  email: Type.String(),
  name: Type.String(),
  unitId: Type.Integer(),
  roles: Type.Array(Type.Enum([...staffRoles])),
  teamIds: Type.Array(Type.Integer()),
  totpEnabled: Type.Boolean(),
  totpEnrolmentRequired: Type.Boolean(),
});

export const TotpEnrolReply = Type.Object({
  secret: Type.String({ description: 'Base32; shown once' }),
  otpauthUri: Type.String({ description: 'otpauth://totp/... for a QR code' }),
});

export const TotpConfirmBody = Type.Object({ code: Type.String({ minLength: 6, maxLength: 6, pattern: '^[0-9]{6}$' }) }, { additionalProperties: false });
export type TotpConfirmBody = Static<typeof TotpConfirmBody>;

export const TotpConfirmReply = Type.Object({
  recoveryCodes: Type.Array(Type.String(), { description: 'Ten single-use codes; shown once' }),
});

export const CreateApiTokenBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 100 }),
  expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })),
}, { additionalProperties: false });
export type CreateApiTokenBody = Static<typeof CreateApiTokenBody>;

export const ApiTokenSummary = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  createdAt: dateTime,
  expiresAt: Type.Union([dateTime, Type.Null()]),
  lastUsedAt: Type.Union([dateTime, Type.Null()]),
});

export const CreatedApiTokenReply = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  token: Type.String({ description: 'Shown once; only its hash is stored' }),
  createdAt: dateTime,
  expiresAt: Type.Union([dateTime, Type.Null()]),
});

