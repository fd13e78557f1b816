import { requireCapability } from '../../domain/access/capabilities.js';
import { serviceLevelSettingsFrom, type ServiceLevelSettings } from '../../domain/service-level/service-level-settings.js';
import { recordAdminAction } from '../../store/admin-audit.js';
import { readServiceLevelSettings, writeServiceLevelSettings } from '../../store/service-level-settings.js';
import type { AppDeps } from '../deps.js';
import { auditActorId, type AdminActor } from './admin-actor.js';
import { changedFields } from './audit-summary.js';
import { checkDurations } from './duration-input.js';

/**
 * Reminder thresholds, the appeal window and the follow-up of unanswered requests. New
 * thresholds apply to deadlines worked out from now on; the appeal window also to the letters
 * printed from now on.
 */
export async function setServiceLevelSettings(deps: AppDeps, actor: AdminActor, settings: ServiceLevelSettings): Promise<ServiceLevelSettings> {
  requireCapability(actor, 'configure');
  const now = deps.clock.now();
  checkDurations({ reporterReminderAfter: settings.reporterReminderAfter, closeUnansweredAfter: settings.closeUnansweredAfter });
  return deps.db.transaction().execute(async (trx) => {
    const before = serviceLevelSettingsFrom(await readServiceLevelSettings(trx));
    const after = serviceLevelSettingsFrom(settings);
    await writeServiceLevelSettings(trx, after, now);
    await recordAdminAction(trx, { actorId: auditActorId(actor), action: 'service_level_settings.updated', target: null, summary: { changes: changedFields(before, after) }, occurredAt: now });
    return after;
  });
}
