import { requireCapability } from '../../domain/access/capabilities.js';
import { recordAdminAction } from '../../store/admin-audit.js';
import { readSiteContact, writeSiteContact } from '../../store/site-contact.js';
import { auditActorId, type AdminActor } from '../admin/admin-actor.js';
import { changedFields } from '../admin/audit-summary.js';
import type { AppDeps } from '../deps.js';
import { toSiteContact, type SiteContact } from './site-contact.js';

/** Replaces the public contact details as a whole; the change is in the administration audit log. */
export async function updateSiteContact(deps: AppDeps, actor: AdminActor, input: SiteContact): Promise<SiteContact> {
  requireCapability(actor, 'configure');
  const now = deps.clock.now();
  // Normalised the way it will be read back, so that what is answered is what is shown.
  const contact = toSiteContact(input);
  await deps.db.transaction().execute(async (trx) => {
    const before = toSiteContact(await readSiteContact(trx));
    await writeSiteContact(trx, contact, now);
    await recordAdminAction(trx, {
      actorId: auditActorId(actor), action: 'settings.site_contact_set', target: { type: 'setting', id: 'site_contact' },
      summary: { changes: changedFields(before, contact) }, occurredAt: now,
    });
  });
  return contact;
}
