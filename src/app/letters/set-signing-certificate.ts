import { requireCapability } from '../../domain/access/capabilities.js';
import { recordAdminAction } from '../../store/admin-audit.js';
import { readLetterSigningCertificate, writeLetterSigningCertificate } from '../../store/letter-signing-certificates.js';
import { auditActorId, type AdminActor } from '../admin/admin-actor.js';
import type { AppDeps } from '../deps.js';
import { signingCertificateSealContext } from './issue-response-letter.js';
import { describeSigningKeyStore, keyStoreToJson, type SigningCertificateSummary, type SigningKeyStore } from './signing-key-store.js';

/**
 * Replaces the certificate that signs response letters. The file is opened with its passphrase
 * first (a file that cannot sign is refused, naming the field), then sealed with the server key
 * together with the passphrase; neither is ever shown again. Letters already issued keep the
 * signature they were issued with.
 */
export async function setSigningCertificate(deps: AppDeps, actor: AdminActor, store: SigningKeyStore): Promise<SigningCertificateSummary> {
  requireCapability(actor, 'configure');
  const summary = describeSigningKeyStore(store);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const before = await readLetterSigningCertificate(trx);
    await writeLetterSigningCertificate(trx, {
      sealedKeyStore: deps.keys.seal(Buffer.from(keyStoreToJson(store), 'utf8'), signingCertificateSealContext),
      ...summary, updatedAt: now,
    });
    await recordAdminAction(trx, {
      actorId: auditActorId(actor), action: 'letter_signing_certificate.set', target: { type: 'setting', id: 'letter_signing_certificate' }, occurredAt: now,
      summary: { subject: summary.subject, issuer: summary.issuer, serialNumber: summary.serialNumber, replacedSerialNumber: before?.serialNumber ?? null },
    });
  });
  return summary;
}
