import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { RecordedCaseEvent } from '../../domain/case-event.js';
import { displayVerificationCode, encodeVerificationCode, verificationCodeBytes } from '../../domain/letters/verification-code.js';
import type { CaseState } from '../../domain/workflow/case-state.js';
import { insertIssuedLetter } from '../../store/issued-letters.js';
import { readLetterSigningCertificate } from '../../store/letter-signing-certificates.js';
import type { ResponseLetterRow } from '../../store/response-letters.js';
import type { ComplaintRow, Database } from '../../store/schema.js';
import { renderResponseLetter } from '../../documents/letters/render-response-letter.js';
import { responseLetterWording } from '../../documents/letters/response-letter-wording.js';
import type { AppDeps } from '../deps.js';
import { responseLetterInput } from './response-letter-input.js';
import { signPdf } from './sign-pdf.js';
import { keyStoreFromJson } from './signing-key-store.js';

export const signingCertificateSealContext = 'letter-signing-certificate';
export const issuedLetterSealContext = (code: string): string => `issued-letter:${code}`;

/** The public page a letter's QR code opens. */
export const verificationUrl = (publicUrl: string, code: string): string => `${publicUrl}/verifikasi/${code}`;

/**
 * Renders and signs the letter once, when the response is sent, inside that transaction: the
 * bytes a reporter downloads later are these bytes, so the SHA-256 on the verification page
 * matches every copy. They are kept sealed, because an identified reporter's name and address
 * are in them. Without a signing certificate the letter says it is not signed.
 */
export async function issueResponseLetter(
  deps: AppDeps, trx: Kysely<Database>, row: ComplaintRow, events: readonly RecordedCaseEvent[], state: CaseState, letter: ResponseLetterRow,
): Promise<void> {
  const code = encodeVerificationCode(deps.random.bytes(verificationCodeBytes));
  const certificate = await readLetterSigningCertificate(trx);
  const input = await responseLetterInput(deps, trx, row, events, state, letter, {
    isSignedElectronically: certificate !== undefined,
    verification: { code: displayVerificationCode(code), url: verificationUrl(deps.publicUrl, code) },
  });
  const rendered = await renderResponseLetter(input);
  const pdf = certificate === undefined ? rendered : await signPdf(rendered, keyStoreFromJson(deps.keys.unseal(certificate.sealedKeyStore, signingCertificateSealContext).toString('utf8')), {
    name: input.signer.name,
    reason: responseLetterWording(input.locale).subject(row.registerNumber),
    location: input.place,
    signedAt: letter.signedAt,
  });
  await insertIssuedLetter(trx, {
    code, complaintId: row.id, draftNumber: letter.draftNumber, registerNumber: row.registerNumber, letterNumber: letter.letterNumber,
    signedAt: letter.signedAt, timeZone: input.unit.timeZone, signerName: input.signer.name, signerPosition: input.signer.position ?? '', signerUnit: input.signer.unitName,
    isSigned: certificate !== undefined, sha256: createHash('sha256').update(pdf).digest('hex'),
    sealedPdf: deps.keys.seal(pdf, issuedLetterSealContext(code)),
  });
}
