import { requireCapability } from '../../domain/access/capabilities.js';
import { DomainError } from '../../domain/domain-error.js';
import { recordAdminAction } from '../../store/admin-audit.js';
import { deleteLetterSigningCertificate } from '../../store/letter-signing-certificates.js';
import { auditActorId, type AdminActor } from '../admin/admin-actor.js';
import type { AppDeps } from '../deps.js';

/** Letters sent afterwards say they are not signed electronically. */
export async function removeSigningCertificate(deps: AppDeps, actor: AdminActor): Promise<void> {
  requireCapability(actor, 'configure');
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    if (!(await deleteLetterSigningCertificate(trx))) throw new DomainError('admin.not_found');
    await recordAdminAction(trx, { actorId: auditActorId(actor), action: 'letter_signing_certificate.removed', target: { type: 'setting', id: 'letter_signing_certificate' }, summary: {}, occurredAt: now });
  });
}
