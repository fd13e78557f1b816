import { readLetterSigningCertificate } from '../../store/letter-signing-certificates.js';
import type { AppDeps } from '../deps.js';
import type { SigningCertificateSummary } from './signing-key-store.js';

/** The certificate's names and validity, or undefined when letters go out unsigned. */
export async function getSigningCertificate(deps: AppDeps): Promise<(SigningCertificateSummary & { updatedAt: Date }) | undefined> {
  const row = await readLetterSigningCertificate(deps.db);
  if (row === undefined) return undefined;
  return { subject: row.subject, issuer: row.issuer, serialNumber: row.serialNumber, validFrom: row.validFrom, validUntil: row.validUntil, updatedAt: row.updatedAt };
}
