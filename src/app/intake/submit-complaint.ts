import { requireCapability } from '../../domain/access/capabilities.js';
import type { Kysely } from 'kysely';
import type { Actor, CaseEvent, IntakeRecord } from '../../domain/case-event.js';
import type { Channel } from '../../domain/complaint/channel.js';
import { assessCompleteness, type Completeness, type Facts } from '../../domain/complaint/completeness.js';
import { checkIdentity, pseudonymFor, type IdentityInput } from '../../domain/complaint/identity.js';
import { acceptsChannel, intakeActorOf, knowsReceivedAt, type IntakeSource } from '../../domain/complaint/intake-source.js';
import { formatRegisterNumber, registerYearOf } from '../../domain/complaint/register-number.js';
import { encodeTrackingCode, normalizeTrackingCode, trackingCodeBytes } from '../../domain/complaint/tracking-code.js';
import { DomainError } from '../../domain/domain-error.js';
import { hasIntegrityReader } from '../../domain/access/policy.js';
import { findActiveCategory } from '../../store/categories.js';
import { lockIntegrityGuard } from '../../store/integrity-guard.js';
import type { Database } from '../../store/schema.js';
import { listIntegrityReaderIds, listIntegrityTeamIds } from '../../store/staff-directory.js';
import { insertComplaint } from '../../store/complaints.js';
import { takeNextRegisterNumber } from '../../store/register-numbers.js';
import { findRootUnit, findUnitById } from '../../store/units.js';
import { commitNewCase } from '../case-commit/commit-case-events.js';
import type { CaseRowValues } from '../case-commit/case-projection.js';
import type { AppDeps } from '../deps.js';
import { keepDeskReceipt, type PendingDeskReceipt } from './receipt/desk-receipt.js';
import { recordAttachments, removeWrittenFiles, stageAttachments, type StagedAttachments } from './store-attachments.js';
import { inspectUploadedFile, type InspectedFile, type UploadedFile } from './uploaded-file.js';

export interface SubmitComplaintInput {
  title: string;
  description: string;
  categoryCode?: string | undefined;
  identity: IdentityInput;
  facts: Facts;
  location?: { lat: number; lon: number } | undefined;
  locale?: 'id' | 'en' | undefined;
  /** The reporter allows a redacted summary in the public register once resolved; default no. */
  allowPublication?: boolean | undefined;
  channel: Channel;
  /** When the complaint reached the body (a letter's arrival); staff and channel adapters only. Defaults to now. */
  receivedAt?: Date | undefined;
  /** Who brings it in: the web form, a desk officer, or a channel's adapter (src/channels/<name>/). */
  submittedBy: IntakeSource;
  attachments: readonly UploadedFile[];
  identityDocuments: readonly UploadedFile[];
  /** Staff intake only: how the complaint came in (identity document checked, agenda number ...). */
  officerNote?: IntakeRecord | undefined;
  /** Staff intake only: staff accounts the complaint concerns, who must not see or act on it. */
  concernedStaffIds?: number[] | undefined;
  /** Whom the reporter says the complaint concerns, in their words; staff match it to accounts at verification. */
  concerns?: string | undefined;
}

export interface SubmittedComplaint {
  id: string;
  registerNumber: string;
  /** Shown once: only its keyed hash is stored. */
  trackingCode: string;
  status: 'received';
  submittedAt: Date;
  receivedAt: Date;
  completeness: Completeness;
  /** Recorded by staff: the receipt the officer may fetch once for the reporter. */
  receipt?: PendingDeskReceipt;
}

/**
 * A complaint comes in, by whichever source, in these steps: it is checked; its secrets are
 * sealed; its files are written to the file store; then, in one transaction, it is routed to
 * a unit and committed as a new case through the case-commit pipeline, whose projections
 * (deadlines, who is told) do their work before the register number's counter row is locked.
 */
export async function submitComplaint(deps: AppDeps, input: SubmitComplaintInput): Promise<SubmittedComplaint> {
  const checked = await checkSubmission(input, deps.clock.now());
  const sealed = sealSubmission(deps, input);
  const written: string[] = [];
  try {
    const staged = await stageSubmissionFiles(deps, input.submittedBy, sealed.id, checked, written);
    return await deps.db.transaction().execute((trx) => recordSubmission(deps, trx, input, checked, sealed, staged));
  } catch (error) {
    await removeWrittenFiles(deps, written);
    throw error;
  }
}

interface CheckedSubmission {
  now: Date;
  receivedAt: Date;
  attachments: InspectedFile[];
  identityDocuments: InspectedFile[];
}

/** Everything that can be refused before anything is written. */
async function checkSubmission(input: SubmitComplaintInput, now: Date): Promise<CheckedSubmission> {
  if (input.submittedBy.kind === 'staff') requireCapability(input.submittedBy.officer, 'record_intake');
  if (!acceptsChannel(input.submittedBy, input.channel)) {
    throw new DomainError('intake.channel_requires_staff', { channel: input.channel }, [{ pointer: '/channel', code: 'channel_requires_staff' }]);
  }
  checkIdentity(input.identity);
  const receivedAt = knowsReceivedAt(input.submittedBy) && input.receivedAt ? input.receivedAt : now;
  if (receivedAt.getTime() > now.getTime()) {
    throw new DomainError('request.invalid', {}, [{ pointer: '/receivedAt', code: 'in_future' }]);
  }
  const attachments = await Promise.all(input.attachments.map((file, index) => inspectUploadedFile(file, `/attachments/${index}`)));
  const identityDocuments = await Promise.all(input.identityDocuments.map((file, index) => inspectUploadedFile(file, `/identityDocuments/${index}`)));
  if (input.submittedBy.kind !== 'staff' && (input.officerNote !== undefined || input.concernedStaffIds !== undefined)) {
    throw new DomainError('request.invalid', {}, [{ pointer: input.officerNote !== undefined ? '/intake' : '/concernsStaffIds', code: 'staff_only' }]);
  }
  if (identityDocuments.length > 0 && input.identity.mode === 'anonymous') {
    throw new DomainError('request.invalid', {}, [{ pointer: '/identityDocuments', code: 'anonymous_identity_document' }]);
  }
  return { now, receivedAt, attachments, identityDocuments };
}

interface SealedSubmission {
  id: string;
  /** Shown once; only `trackingCodeHash` is stored. */
  trackingCode: string;
  trackingCodeHash: Buffer;
  identitySealed: Buffer | null;
  pseudonym: string | null;
  completeness: Completeness;
  concerns: string | null;
  actor: Actor;
}

/** The case's id, its tracking code, and the reporter's identity sealed under both. */
function sealSubmission(deps: AppDeps, input: SubmitComplaintInput): SealedSubmission {
  const id = deps.random.uuid();
  const trackingCode = encodeTrackingCode(deps.random.bytes(trackingCodeBytes));
  const { identity } = input;
  return {
    id, trackingCode, trackingCodeHash: deps.keys.hashTrackingCode(normalizeTrackingCode(trackingCode)),
    identitySealed: identity.mode === 'anonymous'
      ? null
      : deps.keys.seal(Buffer.from(JSON.stringify({ name: identity.name, nik: identity.nik, email: identity.email, phone: identity.phone, address: identity.address })), `identity:${id}`),
    pseudonym: identity.mode === 'confidential' ? pseudonymFor(deps.keys.tag('pseudonym', id)) : null,
    completeness: assessCompleteness(input.facts),
    concerns: input.concerns?.trim() ? input.concerns.trim() : null,
    actor: intakeActorOf(input.submittedBy),
  };
}

/** Writes the files before the transaction, so no lock waits on the file store; their rows follow under the lock. */
async function stageSubmissionFiles(
  deps: AppDeps, source: IntakeSource, complaintId: string, checked: CheckedSubmission, written: string[],
): Promise<StagedAttachments[]> {
  const addedBy = source.kind === 'staff' ? 'staff' : 'reporter';
  const { now } = checked;
  return [
    await stageAttachments(deps, { complaintId, files: checked.attachments, kind: 'evidence', addedBy, now, written }),
    await stageAttachments(deps, { complaintId, files: checked.identityDocuments, kind: 'identity_document', addedBy, now, written }),
  ];
}

async function recordSubmission(
  deps: AppDeps, trx: Kysely<Database>, input: SubmitComplaintInput, checked: CheckedSubmission, sealed: SealedSubmission, staged: readonly StagedAttachments[],
): Promise<SubmittedComplaint> {
  const { now, receivedAt } = checked;
  const { id, completeness } = sealed;
  const routed = await routeComplaint(trx, input);
  const events = firstEvents(input, routed, sealed, receivedAt, staged);
  const { registerNumber } = await commitNewCase(deps, trx, {
    complaintId: id, actor: sealed.actor, now, knownUnit: routed.unit, events,
    isReporterReachable: input.identity.mode !== 'anonymous' && Boolean(input.identity.email),
    insert: (rowValues) => insertNumberedComplaint(trx, input, checked, sealed, routed, staged, events, rowValues),
  });
  const receipt = input.submittedBy.kind === 'staff'
    ? await keepDeskReceipt(deps, trx, input.submittedBy.officer.userId, {
      registerNumber, trackingCode: sealed.trackingCode, receivedAt: receivedAt.toISOString(), identityMode: input.identity.mode, missing: completeness.missing,
    }, now)
    : undefined;
  return { id, registerNumber, trackingCode: sealed.trackingCode, status: 'received' as const, submittedAt: now, receivedAt, completeness, ...(receipt ? { receipt } : {}) };
}

interface RoutedComplaint {
  categoryCode: string | null;
  isWhistleblowing: boolean;
  unit: { id: number; timeZone: string };
  /** The register year is counted in the root unit's time zone. */
  rootTimeZone: string;
  concernedStaffIds: number[];
}

/** The category named, the unit it goes to (the category's, else the root), and whether it is whistleblowing. */
async function routeComplaint(trx: Kysely<Database>, input: SubmitComplaintInput): Promise<RoutedComplaint> {
  const category = input.categoryCode === undefined ? undefined : await findActiveCategory(trx, input.categoryCode);
  if (input.categoryCode !== undefined && category === undefined) {
    throw new DomainError('intake.unknown_category', { category: input.categoryCode }, [{ pointer: '/category', code: 'unknown_category' }]);
  }
  const isWhistleblowing = category?.isWhistleblowing ?? false;
  const concernedStaffIds = [...new Set(input.concernedStaffIds ?? [])];
  if (isWhistleblowing) await refuseWithoutIntegrityReader(trx, concernedStaffIds);
  const rootUnit = await findRootUnit(trx);
  const unit = (category?.defaultUnitId ? await findUnitById(trx, category.defaultUnitId) : undefined) ?? rootUnit;
  return { categoryCode: category?.code ?? null, isWhistleblowing, unit, rootTimeZone: rootUnit.timeZone, concernedStaffIds };
}

/**
 * The case's first events, the register number still blank: it is taken last. A whistleblowing
 * category makes the case whistleblowing now; triage may still change it.
 */
function firstEvents(input: SubmitComplaintInput, routed: RoutedComplaint, sealed: SealedSubmission, receivedAt: Date, staged: readonly StagedAttachments[]): CaseEvent[] {
  const events: CaseEvent[] = [{
    type: 'complaint.submitted',
    data: {
      registerNumber: '', channel: input.channel, identityMode: input.identity.mode, title: input.title, description: input.description,
      facts: input.facts, categoryCode: routed.categoryCode, unitId: routed.unit.id, receivedAt: receivedAt.toISOString(),
      location: input.location ?? null, allowPublication: input.allowPublication ?? false,
      attachmentIds: staged.flatMap((batch) => batch.attachments.map((attachment) => attachment.id)),
      ...(routed.isWhistleblowing ? { isWhistleblowing: true } : {}), ...(sealed.concerns === null ? {} : { concerns: sealed.concerns }),
    },
  }];
  if (input.officerNote !== undefined) events.push({ type: 'complaint.intake_recorded', data: input.officerNote });
  if (routed.concernedStaffIds.length > 0) events.push({ type: 'case.concerned_staff_named', data: { staffIds: routed.concernedStaffIds } });
  return events;
}

/**
 * The locked part: from taking the number to commit every submission queues on the counter
 * row, so only rows are written here (the complaint, its staged attachments), and the first
 * event gets its number.
 */
async function insertNumberedComplaint(
  trx: Kysely<Database>, input: SubmitComplaintInput, checked: CheckedSubmission, sealed: SealedSubmission, routed: RoutedComplaint,
  staged: readonly StagedAttachments[], events: readonly CaseEvent[], rowValues: CaseRowValues,
): Promise<{ registerNumber: string; events: CaseEvent[] }> {
  const { now, receivedAt } = checked;
  const year = registerYearOf(receivedAt, routed.rootTimeZone);
  const registerNumber = formatRegisterNumber({ prefix: undefined, year, sequence: await takeNextRegisterNumber(trx, '', year) });
  await insertComplaint(trx, {
    ...rowValues, id: sealed.id, registerNumber, trackingCodeHash: sealed.trackingCodeHash, status: 'received', channel: input.channel,
    identityMode: input.identity.mode, identitySealed: sealed.identitySealed, pseudonym: sealed.pseudonym, title: input.title, description: input.description,
    facts: JSON.stringify(input.facts), categoryCode: routed.categoryCode, unitId: routed.unit.id,
    locationLat: input.location?.lat ?? null, locationLon: input.location?.lon ?? null, locale: input.locale ?? 'id',
    allowPublication: input.allowPublication ?? false, completenessScore: sealed.completeness.score, receivedAt, submittedAt: now, updatedAt: now,
    lastEventSequence: events.length, concernedStaffIds: routed.concernedStaffIds, isWhistleblowing: routed.isWhistleblowing, concerns: sealed.concerns,
  });
  await recordAttachments(trx, staged);
  const [submitted, ...rest] = events;
  if (submitted?.type !== 'complaint.submitted') throw new Error('a case starts with complaint.submitted');
  return { registerNumber, events: [{ ...submitted, data: { ...submitted.data, registerNumber } }, ...rest] };
}

/**
 * A report filed under a whistleblowing category is the integrity team's from its first event
 * (issue 10): with no team member to see it, it would be seen by nobody, so it is refused and
 * the reporter told why (administrators see a warning meanwhile). The shared lock keeps an
 * administrator from emptying the team while this submission commits.
 */
async function refuseWithoutIntegrityReader(trx: Kysely<Database>, concernedStaffIds: readonly number[]): Promise<void> {
  await lockIntegrityGuard(trx, 'share');
  const [teamIds, readerIds] = await Promise.all([listIntegrityTeamIds(trx), listIntegrityReaderIds(trx)]);
  if (!hasIntegrityReader(teamIds, readerIds, concernedStaffIds)) {
    throw new DomainError('whistleblowing.no_integrity_team', {}, [{ pointer: '/category', code: 'no_integrity_team' }]);
  }
}
