import { formatLetterNumber, letterSeriesOf } from '../../domain/letters/letter-number.js';
import { takeNextRegisterNumber } from '../../store/register-numbers.js';
import { insertResponseLetter } from '../../store/response-letters.js';
import { findUnitById } from '../../store/units.js';
import { issueResponseLetter } from '../letters/issue-response-letter.js';
import type { CaseProjection } from './case-projection.js';

/** A sent response gets a letter number of its unit's series, e.g. `12/ADUAN/XI/2026`, its signer, and its signed PDF. */
export const projectResponseLetter: CaseProjection = async (deps, trx, { after, events, history, actor, row, now }) => {
  const sent = events.find((event) => event.type === 'response.sent');
  if (sent === undefined || sent.type !== 'response.sent' || actor.kind !== 'staff' || row === undefined) return {};
  return {
    finish: async () => {
      const unit = await findUnitById(trx, after.unitId);
      const sequence = await takeNextRegisterNumber(trx, letterSeriesOf(unit?.code), now.getUTCFullYear());
      const lastApprover = after.draft?.approvals.at(-1)?.approverId ?? actor.userId;
      const letter = {
        complaintId: row.id, draftNumber: sent.data.draftNumber, signedAt: now, signerId: lastApprover,
        letterNumber: formatLetterNumber({ sequence, unitCode: unit?.code, signedAt: now }),
      };
      await insertResponseLetter(trx, letter);
      await issueResponseLetter(deps, trx, row, history, after, letter);
    },
  };
};
