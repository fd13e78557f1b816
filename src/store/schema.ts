import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { MessageTemplate } from '../domain/notifications/templates.js';
import type { OutboxChannel } from '../domain/notifications/outbox-channel.js';
import type { StaffRole } from '../domain/access/policy.js';
import type { TeamMemberRole } from '../domain/access/staff-role.js';
import type { Channel } from '../domain/complaint/channel.js';
import type { ComplaintStatus } from '../domain/complaint/complaint-status.js';
import type { IdentityMode } from '../domain/complaint/identity.js';
import type { DurationUnit } from '../domain/service-level/deadline.js';
import type { DeadlineKind } from '../domain/service-level/deadline-kind.js';
import type { HolidayKind } from '../domain/service-level/indonesian-holidays.js';
import type { Priority } from '../domain/workflow/workflow-values.js';

/**
 * One row type per table, in camelCase (CamelCasePlugin maps to the snake_case columns).
 * Columns that hold one of the domain's values are typed with its union: a CHECK constraint
 * holds them to it, or only the app writes them, from the same union. Staff roles are the
 * exception on reading: a role the catalogue no longer knows grants nothing (isStaffRole).
 */
export interface Database {
  settings: SettingsTable;
  units: UnitsTable;
  categories: CategoriesTable;
  users: UsersTable;
  registerCounters: RegisterCountersTable;
  complaints: ComplaintsTable;
  caseEvents: CaseEventsTable;
  attachments: AttachmentsTable;
  outbox: OutboxTable;
  teams: TeamsTable;
  teamMembers: TeamMembersTable;
  staffTokens: StaffTokensTable;
  recoveryCodes: RecoveryCodesTable;
  responseLetters: ResponseLettersTable;
  notifications: NotificationsTable;
  holidays: HolidaysTable;
  serviceLevelPolicies: ServiceLevelPoliciesTable;
  caseDeadlines: CaseDeadlinesTable;
  deadlineReminders: DeadlineRemindersTable;
  adminAuditEvents: AdminAuditEventsTable;
  signInThrottles: SignInThrottlesTable;
  reporterTokenGenerations: ReporterTokenGenerationsTable;
  letterheadLogos: LetterheadLogosTable;
  letterSigningCertificates: LetterSigningCertificatesTable;
  issuedLetters: IssuedLettersTable;
  deskReceipts: DeskReceiptsTable;
}

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export interface SettingsTable {
  key: string;
  value: ColumnType<unknown, string, string>;
  updatedAt: ColumnType<Date, Date | undefined, Date>;
}

export interface UnitsTable {
  id: Generated<number>;
  code: string;
  name: string;
  parentId: number | null;
  timeZone: string;
  approvalChain: ColumnType<unknown, string | undefined, string>;
  isActive: Generated<boolean>;
  createdAt: CreatedAt;
  address: ColumnType<string | null, string | null | undefined, string | null>;
  updatedAt: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface CategoriesTable {
  id: Generated<number>;
  code: string;
  nameId: string;
  nameEn: string;
  isWhistleblowing: Generated<boolean>;
  defaultUnitId: number | null;
  isActive: Generated<boolean>;
  createdAt: CreatedAt;
  updatedAt: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface UsersTable {
  id: Generated<number>;
  email: string;
  name: string;
  unitId: number;
  /** Read as text and filtered by isStaffRole; written only from the catalogue. */
  roles: ColumnType<string[], StaffRole[] | undefined, StaffRole[]>;
  passwordHash: string;
  isActive: Generated<boolean>;
  createdAt: CreatedAt;
  /** AES-GCM sealed (keys.seal, context `totp:<user id>`); set at enrolment, in force once totpEnabledAt is set. */
  totpSecretSealed: ColumnType<Buffer | null, Buffer | null | undefined, Buffer | null>;
  totpEnabledAt: ColumnType<Date | null, Date | null | undefined, Date | null>;
  failedSignIns: Generated<number>;
  lockedUntil: ColumnType<Date | null, Date | null | undefined, Date | null>;
  updatedAt: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /** The 30-second TOTP step of the last code accepted; a code is accepted only for a later step. */
  totpLastTimeStep: ColumnType<number | null, number | null | undefined, number | null>;
  /** Nomor Induk Pegawai and jabatan, printed under the signature of a letter they sign. */
  nip: ColumnType<string | null, string | null | undefined, string | null>;
  position: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface TeamsTable {
  id: Generated<number>;
  unitId: number;
  code: string;
  name: string;
  isIntegrityTeam: Generated<boolean>;
  isActive: Generated<boolean>;
  createdAt: CreatedAt;
}

export interface TeamMembersTable {
  teamId: number;
  userId: number;
  role: TeamMemberRole;
}

export interface StaffTokensTable {
  id: Generated<number>;
  userId: number;
  kind: 'session' | 'api';
  name: string | null;
  /** HMAC of the token (keys.tag); the token itself is never stored. */
  tokenHash: Buffer;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export interface RecoveryCodesTable {
  userId: number;
  codeHash: Buffer;
  usedAt: Date | null;
}

export interface RegisterCountersTable {
  prefix: string;
  year: number;
  lastValue: number;
}

export interface ComplaintsTable {
  id: string;
  registerNumber: string;
  trackingCodeHash: Buffer;
  status: ComplaintStatus;
  channel: Channel;
  identityMode: IdentityMode;
  identitySealed: Buffer | null;
  pseudonym: string | null;
  title: string;
  description: string;
  facts: ColumnType<Record<string, string>, string, string>;
  categoryCode: string | null;
  unitId: number;
  locationLat: number | null;
  locationLon: number | null;
  locale: string;
  completenessScore: number;
  receivedAt: Date;
  submittedAt: Date;
  updatedAt: Date;
  lastEventSequence: Generated<number>;
  handlerId: ColumnType<number | null, number | null | undefined, number | null>;
  teamId: ColumnType<number | null, number | null | undefined, number | null>;
  priority: ColumnType<Priority | null, Priority | null | undefined, Priority | null>;
  isWhistleblowing: ColumnType<boolean, boolean | undefined, boolean>;
  /** Whom the reporter says the complaint concerns, in their words (migration 0014); frozen. */
  concerns: ColumnType<string | null, string | null | undefined, never>;
  /** Written for the inbox's filter; read from the case events, so pg's string parsing of int8[] never matters. */
  concernedStaffIds: ColumnType<unknown, number[] | undefined, number[]>;
  responseDueAt: ColumnType<Date | null, Date | null | undefined, Date | null>;
  awaitingApprovalBy: ColumnType<unknown, number[] | undefined, number[]>;
  /** Set while a deadline that still counts has passed (the inbox's `overdue` filter); see case_deadlines. */
  overdueSince: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /** When the worker must next look at a case nobody acts on (remind the reporter, close it). */
  followUpAt: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /** The reporter allowed publication once resolved (asked on the form; default no). */
  allowPublication: ColumnType<boolean, boolean | undefined, never>;
  publishedSummary: ColumnType<string | null, never, string | null>;
  publishedAt: ColumnType<Date | null, never, Date | null>;
  /** The public answer staff wrote for the register (never the response itself; migration 0016); with the response's time and the closing time. */
  publishedResponse: ColumnType<string | null, never, string | null>;
  publishedRespondedAt: ColumnType<Date | null, never, Date | null>;
  publishedClosedAt: ColumnType<Date | null, never, Date | null>;
}

export interface ResponseLettersTable {
  complaintId: string;
  draftNumber: number;
  letterNumber: string;
  signedAt: Date;
  signerId: number;
}

export interface CaseEventsTable {
  id: Generated<number>;
  complaintId: string;
  sequence: number;
  type: string;
  actor: ColumnType<unknown, string, never>;
  occurredAt: Date;
  data: ColumnType<unknown, string, never>;
  prevHash: Buffer | null;
  hash: Buffer;
}

export interface AttachmentsTable {
  id: string;
  complaintId: string;
  kind: string;
  fileName: string;
  mediaType: string;
  sizeBytes: ColumnType<number, number, never>;
  sha256: string;
  storageKey: string;
  isEncrypted: boolean;
  addedBy: string;
  createdAt: Date;
}

export interface OutboxTable {
  id: Generated<number>;
  complaintId: string | null;
  eventId: number | null;
  channel: OutboxChannel;
  recipient: ColumnType<unknown, string, string>;
  template: MessageTemplate;
  data: ColumnType<unknown, string, string>;
  createdAt: Date;
  attempts: Generated<number>;
  nextAttemptAt: Date;
  sentAt: Date | null;
  lastError: string | null;
  /** sent | mail_off | no_address | failed; null while still to be delivered. */
  outcome: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface NotificationsTable {
  id: Generated<number>;
  userId: number;
  complaintId: string | null;
  outboxId: number | null;
  template: MessageTemplate;
  data: ColumnType<unknown, string, never>;
  createdAt: Date;
  readAt: Date | null;
}

/** Append-only and hash-chained across the installation (see store/admin-audit.ts). */
export interface AdminAuditEventsTable {
  id: Generated<number>;
  sequence: ColumnType<number, number, never>;
  /** Null when the system acted. */
  actorId: ColumnType<number | null, number | null, never>;
  occurredAt: ColumnType<Date, Date, never>;
  action: ColumnType<string, string, never>;
  targetType: ColumnType<string | null, string | null, never>;
  targetId: ColumnType<string | null, string | null, never>;
  summary: ColumnType<unknown, string, never>;
  prevHash: ColumnType<Buffer | null, Buffer | null, never>;
  hash: ColumnType<Buffer, Buffer, never>;
}

export interface HolidaysTable {
  id: Generated<number>;
  holidayOn: ColumnType<string, string, string>;
  kind: HolidayKind;
  nameId: string;
  nameEn: string;
  /** Null: the whole installation; else this unit and the units below it. */
  unitId: number | null;
  note: string | null;
  isActive: Generated<boolean>;
  createdAt: CreatedAt;
  updatedAt: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface ServiceLevelPoliciesTable {
  id: Generated<number>;
  name: string;
  channel: Channel | null;
  categoryCode: string | null;
  priority: Priority | null;
  isWhistleblowing: boolean | null;
  acknowledgementAmount: number;
  acknowledgementUnit: DurationUnit;
  verificationAmount: number;
  verificationUnit: DurationUnit;
  responseAmount: number;
  responseUnit: DurationUnit;
  isActive: Generated<boolean>;
  createdAt: CreatedAt;
  updatedAt: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface CaseDeadlinesTable {
  complaintId: string;
  kind: DeadlineKind;
  cycle: number;
  policyId: number | null;
  durationAmount: number;
  durationUnit: DurationUnit;
  calendarUnitId: number;
  startsAt: Date;
  dueAt: Date;
  dueSoonAt: Date;
  pausedAt: Date | null;
  metAt: Date | null;
  endedAt: Date | null;
  /** [{ percent, at }] */
  reminderPoints: ColumnType<unknown, string, string>;
  nextReminderAt: Date | null;
  escalatedAt: Date | null;
}

export interface DeadlineRemindersTable {
  complaintId: string;
  kind: DeadlineKind;
  cycle: number;
  percent: number;
  sentAt: Date;
  outboxId: number | null;
}

export type ComplaintRow = Selectable<ComplaintsTable>;
export type NewComplaintRow = Insertable<ComplaintsTable>;
export type AttachmentRow = Selectable<AttachmentsTable>;
export type UnitRow = Selectable<UnitsTable>;
export type UserRow = Selectable<UsersTable>;
export type TeamRow = Selectable<TeamsTable>;
export type StaffTokenRow = Selectable<StaffTokensTable>;

/** Failed sign-ins of one (account, address) pair or one address, named by a keyed hash: no address is stored. */
export interface SignInThrottlesTable {
  keyTag: string;
  failures: number;
  blockedUntil: Date | null;
  lastFailedAt: Date;
}

/** A reporter token is valid only for its case's current generation; signing out moves it on. */
export interface ReporterTokenGenerationsTable {
  complaintId: string;
  generation: number;
}

export interface LetterheadLogosTable {
  id: number;
  mediaType: string;
  content: Buffer;
  updatedAt: Date;
}

export interface LetterSigningCertificatesTable {
  id: number;
  /** keys.seal of `{ p12, passphrase }` as JSON, context `letter-signing-certificate`. */
  sealedKeyStore: Buffer;
  subject: string;
  issuer: string;
  serialNumber: string;
  validFrom: Date;
  validUntil: Date;
  updatedAt: Date;
}

export interface IssuedLettersTable {
  /** The short public code printed on the letter (Crockford base32). */
  code: string;
  complaintId: string;
  draftNumber: number;
  registerNumber: string;
  letterNumber: string;
  signedAt: Date;
  /** The issuing unit's zone, in which the letter is dated. */
  timeZone: string;
  signerName: string;
  signerPosition: string;
  signerUnit: string;
  isSigned: boolean;
  /** SHA-256 (hex) of the final PDF bytes, as served. */
  sha256: string;
  /** keys.seal of the PDF, context `issued-letter:<code>`. */
  sealedPdf: Buffer;
}

export interface DeskReceiptsTable {
  /** keys.tag('desk-receipt', token): the one-time token is never stored. */
  tokenTag: string;
  staffUserId: number;
  /** keys.seal of the receipt's facts, context `desk-receipt:<tokenTag>`. */
  sealed: Buffer;
  expiresAt: Date;
}
