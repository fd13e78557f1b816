import type { Kysely } from 'kysely';
import type { Actor, CaseEvent, IntakeRecord, RecordedCaseEvent } from '../../domain/case-event.js';
import { channelNeedsStaff, type Channel } from '../../domain/complaint/channel.js';
import { assessCompleteness, type Completeness, type Facts } from '../../domain/complaint/completeness.js';
import { checkIdentity, pseudonymFor, type IdentityInput } from '../../domain/complaint/identity.js';
import { formatRegisterNumber, registerYearOf } from '../../domain/complaint/register-number.js';
import { encodeTrackingCode, normalizeTrackingCode, trackingCodeBytes } from '../../domain/complaint/tracking-code.js';
import { DomainError } from '../../domain/domain-error.js';
import { hasIntegrityReader } from '../../domain/access/policy.js';
import { caseStateFrom } from '../../domain/workflow/case-state.js';
import { saveCaseDeadlines } from '../../store/case-deadlines.js';
import { startCaseEvents } from '../../store/case-events.js';
import { findActiveCategory } from '../../store/categories.js';
import { lockIntegrityGuard } from '../../store/integrity-guard.js';
import type { Database } from '../../store/schema.js';
import { listIntegrityReaderIds, listIntegrityTeamIds } from '../../store/staff-directory.js';
import { insertComplaint } from '../../store/complaints.js';
import { enqueueOutboxMessages, type NewOutboxMessage } from '../../store/outbox.js';
import { takeNextRegisterNumber } from '../../store/register-numbers.js';
import { findRootUnit, findUnitById } from '../../store/units.js';
import type { AppDeps } from '../deps.js';
import { findNextActors, staffMessagesFor } from '../notifications/notify-next-actors.js';
import { planCaseDeadlines } from '../service-levels/plan-case-deadlines.js';
import { keepDeskReceipt, type PendingDeskReceipt } from './receipt/desk-receipt.js';
import { removeWrittenFiles, storeAttachments } from './store-attachments.js';
import { inspectUploadedFile, type UploadedFile } from './uploaded-file.js';

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
  /** When the complaint reached the body (a letter's arrival); staff only. Defaults to now. */
  receivedAt?: Date | undefined;
  submittedBy: { kind: 'public' } | { kind: 'staff'; userId: number };
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

export async function submitComplaint(deps: AppDeps, input: SubmitComplaintInput): Promise<SubmittedComplaint> {
  if (input.submittedBy.kind === 'public' && channelNeedsStaff(input.channel)) {
    throw new DomainError('intake.channel_requires_staff', { channel: input.channel }, [{ pointer: '/channel', code: 'channel_requires_staff' }]);
  }
  checkIdentity(input.identity);
  const now = deps.clock.now();
  const receivedAt = input.submittedBy.kind === 'staff' && input.receivedAt ? input.receivedAt : now;
  if (receivedAt.getTime() > now.getTime()) {
    throw new DomainError('request.invalid', {}, [{ pointer: '/receivedAt', code: 'in_future' }]);
  }
  const attachments = await Promise.all(input.attachments.map((file, index) => inspectUploadedFile(file, `/attachments/${index}`)));
  const identityDocuments = await Promise.all(input.identityDocuments.map((file, index) => inspectUploadedFile(file, `/identityDocuments/${index}`)));
  if (input.submittedBy.kind === 'public' && (input.officerNote !== undefined || input.concernedStaffIds !== undefined)) {
    throw new DomainError('request.invalid', {}, [{ pointer: input.officerNote !== undefined ? '/intake' : '/concernsStaffIds', code: 'staff_only' }]);
  }
  if (identityDocuments.length > 0 && input.identity.mode === 'anonymous') {
    throw new DomainError('request.invalid', {}, [{ pointer: '/identityDocuments', code: 'anonymous_identity_document' }]);
  }

  const id = deps.random.uuid();
  const trackingCode = encodeTrackingCode(deps.random.bytes(trackingCodeBytes));
  const trackingCodeHash = deps.keys.hashTrackingCode(normalizeTrackingCode(trackingCode));
  const completeness = assessCompleteness(input.facts);
  const { identity } = input;
  const identitySealed = identity.mode === 'anonymous'
    ? null
    : deps.keys.seal(Buffer.from(JSON.stringify({ name: identity.name, nik: identity.nik, email: identity.email, phone: identity.phone, address: identity.address })), `identity:${id}`);
  const pseudonym = identity.mode === 'confidential' ? pseudonymFor(deps.keys.tag('pseudonym', id)) : null;
  const concerns = input.concerns?.trim() ? input.concerns.trim() : null;
  const actor: Actor = input.submittedBy.kind === 'staff' ? { kind: 'staff', userId: input.submittedBy.userId } : { kind: 'reporter' };

  const written: string[] = [];
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const category = input.categoryCode === undefined ? undefined : await findActiveCategory(trx, input.categoryCode);
      if (input.categoryCode !== undefined && category === undefined) {
        throw new DomainError('intake.unknown_category', { category: input.categoryCode }, [{ pointer: '/category', code: 'unknown_category' }]);
      }
      const isWhistleblowing = category?.isWhistleblowing ?? false;
      const concernedStaffIds = [...new Set(input.concernedStaffIds ?? [])];
      if (isWhistleblowing) await refuseWithoutIntegrityReader(trx, concernedStaffIds);
      const rootUnit = await findRootUnit(trx);
      const unit = (category?.defaultUnitId ? await findUnitById(trx, category.defaultUnitId) : undefined) ?? rootUnit;
      const unitId = unit.id;
      const officerEvents: CaseEvent[] = [];
      if (input.officerNote !== undefined) officerEvents.push({ type: 'complaint.intake_recorded', data: input.officerNote });
      if (concernedStaffIds.length > 0) officerEvents.push({ type: 'case.concerned_staff_named', data: { staffIds: concernedStaffIds } });
      const caseData = {
        channel: input.channel, identityMode: identity.mode, title: input.title, description: input.description,
        facts: input.facts, categoryCode: category?.code ?? null, unitId, receivedAt: receivedAt.toISOString(),
        location: input.location ?? null, allowPublication: input.allowPublication ?? false, attachmentIds: [] as string[],
        ...(isWhistleblowing ? { isWhistleblowing } : {}), ...(concerns === null ? {} : { concerns }),
      };
      // Planned before the register number is taken, to keep the queue on the counter short: the
      // clocks start at receipt, and neither the number nor the attachments matter to them.
      // A whistleblowing category makes the case whistleblowing now; triage may still change it.
      const plannedEvents: CaseEvent[] = [{ type: 'complaint.submitted', data: { ...caseData, registerNumber: '' } }, ...officerEvents];
      const recordedEvents = plannedEvents.map((event, index): RecordedCaseEvent => ({ ...event, sequence: index + 1, occurredAt: now, actor }));
      const deadlines = await planCaseDeadlines(deps.caches, trx, {
        complaintId: id, status: 'received', unitId, knownUnit: unit, isPolicyChanged: false, existing: [], now,
        events: recordedEvents,
        subject: { channel: input.channel, categoryCode: category?.code ?? null, priority: null, isWhistleblowing },
      });
      // Before the number is taken, for the same reason; the reference to the complaint row that
      // follows is checked at commit (migration 0012).
      await saveCaseDeadlines(trx, deadlines.rows);
      // Who is told of the new complaint does not depend on its number either.
      const toTell = await findNextActors(trx, {
        state: caseStateFrom(recordedEvents), events: plannedEvents, actorUserId: input.submittedBy.kind === 'staff' ? input.submittedBy.userId : null, now,
      });
      const year = registerYearOf(receivedAt, rootUnit.timeZone);
      // From here to commit every submission queues on the counter row: keep it short.
      const sequence = await takeNextRegisterNumber(trx, '', year);
      const registerNumber = formatRegisterNumber({ prefix: undefined, year, sequence });
      const submittedData = { registerNumber, ...caseData };
      await insertComplaint(trx, {
        id, registerNumber, trackingCodeHash, status: 'received', channel: input.channel, identityMode: identity.mode,
        identitySealed, pseudonym, title: input.title, description: input.description, facts: JSON.stringify(input.facts),
        categoryCode: category?.code ?? null, unitId, locationLat: input.location?.lat ?? null, locationLon: input.location?.lon ?? null,
        locale: input.locale ?? 'id', allowPublication: input.allowPublication ?? false, completenessScore: completeness.score, receivedAt, submittedAt: now, updatedAt: now,
        responseDueAt: deadlines.responseDueAt, overdueSince: deadlines.overdueSince, followUpAt: deadlines.followUpAt,
        lastEventSequence: 1 + officerEvents.length, concernedStaffIds, isWhistleblowing, concerns,
      });
      const addedBy = input.submittedBy.kind === 'staff' ? 'staff' : 'reporter';
      const evidence = await storeAttachments(deps, trx, { complaintId: id, files: attachments, kind: 'evidence', addedBy, now, written });
      const documents = await storeAttachments(deps, trx, { complaintId: id, files: identityDocuments, kind: 'identity_document', addedBy, now, written });
      const started = await startCaseEvents(trx, id, actor, now, [{
        type: 'complaint.submitted',
        data: { ...submittedData, attachmentIds: [...evidence, ...documents].map((attachment) => attachment.id) },
      }, ...officerEvents]);
      const submitted = started[0];
      const toReporter: NewOutboxMessage[] = identity.mode !== 'anonymous' && identity.email ? [{
        complaintId: id, eventId: submitted?.id ?? null, channel: 'email', recipient: { kind: 'reporter', complaintId: id },
        template: 'complaint.acknowledged', data: { registerNumber },
      }] : [];
      await enqueueOutboxMessages(trx, now, [...toReporter, ...staffMessagesFor(id, registerNumber, toTell, started.map((event) => event.id))]);
      const receipt = input.submittedBy.kind === 'staff'
        ? await keepDeskReceipt(deps, trx, input.submittedBy.userId, {
          registerNumber, trackingCode, receivedAt: receivedAt.toISOString(), identityMode: identity.mode, missing: completeness.missing,
        }, now)
        : undefined;
      return { id, registerNumber, trackingCode, status: 'received' as const, submittedAt: now, receivedAt, completeness, ...(receipt ? { receipt } : {}) };
    });
  } catch (error) {
    await removeWrittenFiles(deps, written);
    throw error;
  }
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
