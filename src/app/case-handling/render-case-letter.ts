import type { StaffActor } from '../../domain/access/policy.js';
import { DomainError } from '../../domain/domain-error.js';
import { findLatestResponseLetter } from '../../store/response-letters.js';
import { findIssuedLetterForDraft } from '../../store/issued-letters.js';
import type { AppDeps } from '../deps.js';
import { renderResponseLetter } from '../../documents/letters/render-response-letter.js';
import { issuedLetterSealContext } from '../letters/issue-response-letter.js';
import { responseLetterInput } from '../letters/response-letter-input.js';
import { loadCase } from '../cases/load-case.js';

export type LetterReader = { kind: 'staff'; actor: StaffActor } | { kind: 'reporter' };


/**
 * The letter as it was issued when the response was sent: the same signed bytes every time,
 * so that their SHA-256 is the one the verification page shows.
 */
export async function renderCaseLetter(deps: AppDeps, reader: LetterReader, complaintId: string): Promise<{ pdf: Buffer; fileName: string }> {
  const { row, events, state } = await loadCase(deps.db, complaintId, { now: deps.clock.now(), forUpdate: false, ...(reader.kind === 'staff' ? { viewer: reader.actor } : {}) });
  const letter = await findLatestResponseLetter(deps.db, complaintId);
  if (letter === undefined || !events.some((event) => event.type === 'response.sent')) throw new DomainError('complaint.not_found', { reason: 'no_letter' });
  const fileName = `tanggapan-${row.registerNumber}.pdf`;
  const issued = await findIssuedLetterForDraft(deps.db, complaintId, letter.draftNumber);
  if (issued !== undefined) return { pdf: deps.keys.unseal(issued.sealedPdf, issuedLetterSealContext(issued.code)), fileName };
  // A letter sent before letters were issued and signed: rendered as it was, without claiming a signature.
  const input = await responseLetterInput(deps, deps.db, row, events, state, letter, { isSignedElectronically: false, verification: null });
  return { pdf: await renderResponseLetter(input), fileName };
}
