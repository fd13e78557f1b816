import type { StaffActor } from '../../domain/access/policy.js';
import type { IdentityMode } from '../../domain/complaint/identity.js';
import { DomainError } from '../../domain/domain-error.js';
import { serviceLevelSettingsFrom } from '../../domain/service-level/service-level-settings.js';
import { findLatestResponseLetter } from '../../store/response-letters.js';
import { readServiceLevelSettings } from '../../store/service-level-settings.js';
import { findStaffNames } from '../../store/staff-directory.js';
import { findUnitById } from '../../store/units.js';
import type { AppDeps } from '../deps.js';
import { renderResponseLetter } from './letters/render-response-letter.js';
import { loadCase, unsealIdentity } from './load-case.js';

export type LetterReader = { kind: 'staff'; actor: StaffActor } | { kind: 'reporter' };


/**
 * Renders the signed response letter on demand rather than storing it: for an identified
 * reporter it carries their name and address, which are kept only sealed.
 */
export async function renderCaseLetter(deps: AppDeps, reader: LetterReader, complaintId: string): Promise<{ pdf: Buffer; fileName: string }> {
  const { row, events, state } = await loadCase(deps.db, complaintId, { now: deps.clock.now(), forUpdate: false, ...(reader.kind === 'staff' ? { viewer: reader.actor } : {}) });
  const letter = await findLatestResponseLetter(deps.db, complaintId);
  const sent = events.filter((event) => event.type === 'response.sent').at(-1);
  if (letter === undefined || sent === undefined || sent.type !== 'response.sent') throw new DomainError('complaint.not_found', { reason: 'no_letter' });
  const approvals = events.flatMap((event) => (event.type === 'response.approved' && event.data.draftNumber === sent.data.draftNumber ? [event] : []));
  const unit = await findUnitById(deps.db, state.unitId);
  const parent = unit?.parentId ? await findUnitById(deps.db, unit.parentId) : undefined;
  const names = await findStaffNames(deps.db, [letter.signerId, ...approvals.map((event) => event.data.approverId)]);
  const identityMode = row.identityMode as IdentityMode;
  const identity = identityMode === 'identified' ? unsealIdentity(deps.keys, row) : null;
  const unitName = unit?.name ?? '';
  const pdf = await renderResponseLetter({
    locale: row.locale === 'en' ? 'en' : 'id',
    unit: { name: unitName, timeZone: unit?.timeZone ?? 'Asia/Jakarta', ...(parent ? { parentName: parent.name } : {}), ...(unit?.address ? { address: unit.address } : {}) },
    letterNumber: letter.letterNumber,
    signedAt: letter.signedAt,
    place: unit?.address?.split(',').at(-1)?.trim() || unitName,
    registerNumber: row.registerNumber,
    receivedAt: row.receivedAt,
    reporter: identity ? { kind: 'named', name: identity.name, ...(identity.address ? { address: identity.address } : {}) } : { kind: 'pseudonymous' },
    isConfidential: identityMode === 'confidential',
    finding: sent.data.finding,
    responseText: sent.data.text,
    correctiveActions: state.correctiveActions.map((action) => ({ description: action.description, dueOn: action.dueOn })),
    signer: { name: names.get(letter.signerId) ?? '', positionTitle: `Kepala ${unitName}` },
    approvals: approvals.map((event) => ({ name: names.get(event.data.approverId) ?? '', positionTitle: unitName, approvedAt: event.occurredAt })),
    // The window the worker closes the case after (service-level settings), printed as the reporter's right.
    appealWindowDays: serviceLevelSettingsFrom(await readServiceLevelSettings(deps.db)).appealWindowDays,
    trackingPageUrl: `${deps.publicUrl}/lacak`,
  });
  return { pdf, fileName: `tanggapan-${row.registerNumber}.pdf` };
}
