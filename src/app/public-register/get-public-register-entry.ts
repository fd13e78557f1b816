import { formatRegisterNumber, parseRegisterNumber } from '../../domain/complaint/register-number.js';
import { DomainError } from '../../domain/domain-error.js';
import { findPublishedCase } from '../../store/public-register.js';
import type { AppDeps } from '../deps.js';
import { publicRegisterEntry, type PublicRegisterEntry } from './public-register-entry.js';

/**
 * One published case by its register number. An unpublished case answers exactly as one that
 * does not exist: the register must not tell a stranger which numbers hold complaints.
 */
export async function getPublicRegisterEntry(deps: Pick<AppDeps, 'db'>, registerNumber: string): Promise<PublicRegisterEntry> {
  let normalised: string;
  try {
    normalised = formatRegisterNumber(parseRegisterNumber(registerNumber));
  } catch (error) {
    if (error instanceof DomainError) throw new DomainError('complaint.not_found');
    throw error;
  }
  const row = await findPublishedCase(deps.db, normalised);
  if (row === undefined) throw new DomainError('complaint.not_found');
  return publicRegisterEntry(row);
}
