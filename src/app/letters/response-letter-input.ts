import { defaultTimeZone } from '../../domain/service-level/working-calendar.js';
import type { Kysely } from 'kysely';
import type { RecordedCaseEvent } from '../../domain/case-event.js';
import { serviceLevelSettingsFrom } from '../../domain/service-level/service-level-settings.js';
import type { CaseState } from '../../domain/workflow/case-state.js';
import { readLetterheadLogo } from '../../store/letterhead-logos.js';
import type { ResponseLetterRow } from '../../store/response-letters.js';
import type { ComplaintRow, Database } from '../../store/schema.js';
import { readServiceLevelSettings } from '../../store/service-level-settings.js';
import { readSiteContact } from '../../store/site-contact.js';
import { findStaffAccountById } from '../../store/staff-accounts.js';
import { findUnitById } from '../../store/units.js';
import type { ResponseLetterInput } from '../../documents/letters/render-response-letter.js';
import { unsealIdentity } from '../cases/load-case.js';
import type { AppDeps } from '../deps.js';
import { toSiteContact } from '../site/site-contact.js';

/**
 * Everything the letter for a sent response says, read from the case and the settings:
 * the letterhead from the site settings, the signer (who gave the last approval) from their
 * account, the date line's place from the site settings and the date in the unit's time zone.
 */
export async function responseLetterInput(
  deps: AppDeps, db: Kysely<Database>, row: ComplaintRow, events: readonly RecordedCaseEvent[], state: CaseState, letter: ResponseLetterRow,
  signature: { isSignedElectronically: boolean; verification: { code: string; url: string } | null },
): Promise<ResponseLetterInput> {
  const sent = events.find((event) => event.type === 'response.sent' && event.data.draftNumber === letter.draftNumber);
  if (sent === undefined || sent.type !== 'response.sent') throw new Error(`no response.sent event for draft ${letter.draftNumber} of ${row.id}`);
  const approvals = events.flatMap((event) => (event.type === 'response.approved' && event.data.draftNumber === letter.draftNumber ? [event] : []));
  const unit = await findUnitById(db, state.unitId);
  const contact = toSiteContact(await readSiteContact(db));
  const logo = await readLetterheadLogo(db);
  const people = new Map<number, { name: string; position: string | null; nip: string | null; unitName: string }>();
  for (const id of new Set([letter.signerId, ...approvals.map((event) => event.data.approverId)])) {
    const account = await findStaffAccountById(db, id);
    if (account === undefined) continue;
    const ownUnit = account.unitId === unit?.id ? unit : await findUnitById(db, account.unitId);
    people.set(id, { name: account.name, position: account.position, nip: account.nip, unitName: ownUnit?.name ?? '' });
  }
  const signer = people.get(letter.signerId) ?? { name: '', position: null, nip: null, unitName: unit?.name ?? '' };
  const identityMode = row.identityMode;
  const identity = identityMode === 'identified' ? unsealIdentity(deps.keys, row) : null;
  const unitName = unit?.name ?? '';
  return {
    locale: row.locale === 'en' ? 'en' : 'id',
    unit: { name: unitName, timeZone: unit?.timeZone ?? defaultTimeZone },
    letterhead: {
      organisation: contact.organisation, address: contact.address ?? unit?.address ?? null, phone: contact.phone,
      email: contact.email, website: contact.website, logo: logo?.content ?? null,
    },
    letterNumber: letter.letterNumber,
    signedAt: letter.signedAt,
    // Without a place in the settings the date stands alone rather than after a unit's name.
    place: contact.place ?? '',
    registerNumber: row.registerNumber,
    receivedAt: row.receivedAt,
    reporter: identity ? { kind: 'named', name: identity.name, ...(identity.address ? { address: identity.address } : {}) } : { kind: 'pseudonymous' },
    isConfidential: identityMode === 'confidential',
    finding: sent.data.finding,
    responseText: sent.data.text,
    correctiveActions: state.correctiveActions.map((action) => ({ description: action.description, dueOn: action.dueOn })),
    signer,
    approvals: approvals.map((event) => {
      const person = people.get(event.data.approverId);
      return { name: person?.name ?? '', positionTitle: person?.position ?? person?.unitName ?? '', approvedAt: event.occurredAt };
    }),
    // The window the worker closes the case after (service-level settings), printed as the reporter's right.
    appealWindowDays: serviceLevelSettingsFrom(await readServiceLevelSettings(db)).appealWindowDays,
    trackingPageUrl: `${deps.publicUrl}/lacak`,
    ...signature,
  };
}
