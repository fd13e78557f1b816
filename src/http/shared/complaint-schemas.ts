import { Type, type Static } from 'typebox';
import { channels } from '../../domain/complaint/channel.js';
import { identityModes } from '../../domain/complaint/identity.js';

const text = (maxLength: number, minLength = 1) => Type.String({ minLength, maxLength });
const fact = (description: string) => Type.String({ maxLength: 2000, description });

export const FactsSchema = Type.Object(
  {
    what: fact('What happened'),
    where: fact('Where it happened'),
    when: fact('When it happened'),
    who: fact('Who was involved'),
    how: fact('How it happened'),
    why: Type.Optional(fact('Why (optional)')),
  },
  { additionalProperties: false, description: 'The 5W1H facts; answer what you can, the response lists what is missing' },
);

export const IdentitySchema = Type.Object(
  {
    mode: Type.Enum([...identityModes]),
    name: Type.Optional(text(200)),
    nik: Type.Optional(Type.String({ pattern: '^[0-9]{16}$', description: 'National ID number (NIK), 16 digits' })),
    email: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
    phone: Type.Optional(Type.String({ pattern: '^\\+?[0-9 ()-]{6,20}$' })),
    address: Type.Optional(text(500)),
  },
  { additionalProperties: false, description: 'anonymous carries no other field; identified and confidential need a name and a way to be answered' },
);

export const SubmitComplaintBody = Type.Object(
  {
    title: text(200, 3),
    description: text(10000, 10),
    category: Type.Optional(Type.String({ maxLength: 64, description: 'A category code such as service.time' })),
    identity: IdentitySchema,
    facts: FactsSchema,
    location: Type.Optional(Type.Object({ lat: Type.Number({ minimum: -90, maximum: 90 }), lon: Type.Number({ minimum: -180, maximum: 180 }) }, { additionalProperties: false })),
    locale: Type.Optional(Type.Enum(['id', 'en'])),
    allowPublication: Type.Optional(Type.Boolean({ description: 'The reporter allows a redacted summary to be published in the public register once resolved (default false)' })),
    channel: Type.Optional(Type.Enum([...channels], { description: 'Only web without staff authentication' })),
    receivedAt: Type.Optional(Type.String({ format: 'date-time', description: 'When the complaint reached the body (staff intake only)' })),
    intake: Type.Optional(Type.Object({
      identityDocumentChecked: Type.Optional(Type.Boolean({ description: 'Walk-in: the reporter showed an identity document' })),
      agendaNumber: Type.Optional(Type.String({ maxLength: 100, description: 'Letter: its number in the incoming-mail agenda' })),
      letterOn: Type.Optional(Type.String({ format: 'date', description: 'Letter: the date written on it' })),
      boxOpenedOn: Type.Optional(Type.String({ format: 'date', description: 'Suggestion box: the day it was opened' })),
      note: Type.Optional(Type.String({ maxLength: 2000 })),
    }, { additionalProperties: false, description: 'Staff intake only' })),
    concerns: Type.Optional(Type.String({
      maxLength: 200,
      description: 'Whom the complaint concerns, in the reporter\'s words (a name, a post): staff match it to accounts at verification and keep the complaint away from them. Shown to staff who see the case, never in public',
    })),
    concernsStaffIds: Type.Optional(Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 20, description: 'Staff intake only: staff the complaint concerns; they will not see it' })),
  },
  { additionalProperties: false },
);
export type SubmitComplaintBody = Static<typeof SubmitComplaintBody>;

export const SubmitComplaintMultipart = Type.Object(
  {
    complaint: Type.String({ description: 'The complaint as JSON, exactly as the application/json body' }),
    attachments: Type.Optional(Type.Array(Type.String({ format: 'binary' }), { maxItems: 10, description: 'Evidence, at most 10 MB each' })),
    identityDocuments: Type.Optional(Type.Array(Type.String({ format: 'binary' }), { maxItems: 2, description: 'ID card scans; sealed at rest' })),
  },
  { additionalProperties: false },
);

export const SubmittedComplaintReply = Type.Object({
  id: Type.String({ format: 'uuid' }),
  registerNumber: Type.String(),
  trackingCode: Type.String({ description: 'Shown once; keep it secret' }),
  status: Type.Literal('received'),
  submittedAt: Type.String({ format: 'date-time' }),
  receivedAt: Type.String({ format: 'date-time' }),
  completeness: Type.Object({ score: Type.Integer(), missing: Type.Array(Type.String()) }),
  receipt: Type.Optional(Type.Object({
    url: Type.String({ description: 'GET it, signed in as the same staff member, for the receipt PDF: once, within 15 minutes' }),
    expiresAt: Type.String({ format: 'date-time' }),
  }, { description: 'Only when an intake officer recorded the complaint: the reporter\'s receipt, with the tracking code' })),
});
