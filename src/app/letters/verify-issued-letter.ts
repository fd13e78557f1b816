import { createHash } from 'node:crypto';
import { DomainError } from '../../domain/domain-error.js';
import { displayVerificationCode, normalizeVerificationCode } from '../../domain/letters/verification-code.js';
import { findIssuedLetterFacts } from '../../store/issued-letters.js';
import type { AppDeps } from '../deps.js';

/** What anyone holding a copy may learn of a letter: never the reporter, the case or the text. */
export interface IssuedLetterFacts {
  code: string;
  registerNumber: string;
  letterNumber: string;
  signedAt: Date;
  timeZone: string;
  signerName: string;
  signerPosition: string;
  signerUnit: string;
  isSignedElectronically: boolean;
  sha256: string;
}

/** The public facts of the letter with this code; an unknown or malformed code is not found. */
export async function getIssuedLetter(deps: AppDeps, typedCode: string): Promise<IssuedLetterFacts> {
  const code = normalizeVerificationCode(typedCode);
  const row = code === undefined ? undefined : await findIssuedLetterFacts(deps.db, code);
  if (row === undefined) throw new DomainError('letter.not_found');
  return {
    code: displayVerificationCode(row.code), registerNumber: row.registerNumber, letterNumber: row.letterNumber, signedAt: row.signedAt, timeZone: row.timeZone,
    signerName: row.signerName, signerPosition: row.signerPosition, signerUnit: row.signerUnit, isSignedElectronically: row.isSigned, sha256: row.sha256,
  };
}

/** Whether a file someone holds is, byte for byte, the letter issued under this code. */
export async function checkIssuedLetterFile(deps: AppDeps, typedCode: string, file: Buffer): Promise<{ letter: IssuedLetterFacts; fileSha256: string; isMatch: boolean }> {
  const letter = await getIssuedLetter(deps, typedCode);
  const fileSha256 = createHash('sha256').update(file).digest('hex');
  return { letter, fileSha256, isMatch: fileSha256 === letter.sha256 };
}
