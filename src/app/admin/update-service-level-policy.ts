import { requireCapability } from '../../domain/access/capabilities.js';
import { DomainError } from '../../domain/domain-error.js';
import { isCatchAllPolicy } from '../../domain/service-level/service-level-policy.js';
import { recordAdminAction } from '../../store/admin-audit.js';
import {
  countActiveCatchAllPolicies, findServiceLevelPolicyById, lockServiceLevelPolicy, updateServiceLevelPolicy as updateStoredPolicy,
} from '../../store/service-level-policies.js';
import type { AppDeps } from '../deps.js';
import { auditActorId, type AdminActor } from './admin-actor.js';
import { changedFields } from './audit-summary.js';
import { checkDurations } from './duration-input.js';
import { deadlineColumns, type ServiceLevelDeadlinesInput } from './create-service-level-policy.js';
import { toServiceLevelPolicyRecord, type ServiceLevelPolicyRecord } from './service-level-policy-record.js';

/** The selectors stay: what a policy applies to is what it is; another scope is another policy. */
export type UpdateServiceLevelPolicyInput = Partial<ServiceLevelDeadlinesInput> & { name?: string | undefined; isActive?: boolean | undefined };

export async function updateServiceLevelPolicy(deps: AppDeps, actor: AdminActor, id: number, input: UpdateServiceLevelPolicyInput): Promise<ServiceLevelPolicyRecord> {
  requireCapability(actor, 'configure');
  const now = deps.clock.now();
  checkDurations({ acknowledgement: input.acknowledgement, verification: input.verification, response: input.response });
  return deps.db.transaction().execute(async (trx) => {
    const before = await lockServiceLevelPolicy(trx, id);
    if (!before) throw new DomainError('admin.not_found');
    const beforeRecord = toServiceLevelPolicyRecord(before);
    await updateStoredPolicy(trx, id, { ...deadlineColumns(input), ...(input.name === undefined ? {} : { name: input.name }), ...(input.isActive === undefined ? {} : { isActive: input.isActive }) }, now);
    // Checked after the write, inside the transaction: a policy must match every case.
    if (input.isActive === false && isCatchAllPolicy(beforeRecord) && (await countActiveCatchAllPolicies(trx)) === 0) {
      throw new DomainError('request.invalid', {}, [{ pointer: '/isActive', code: 'catch_all_required' }]);
    }
    const row = await findServiceLevelPolicyById(trx, id);
    if (!row) throw new DomainError('admin.not_found');
    const record = toServiceLevelPolicyRecord(row);
    await recordAdminAction(trx, {
      actorId: auditActorId(actor), action: 'service_level.updated', target: { type: 'service_level', id }, summary: { changes: changedFields(beforeRecord, record) }, occurredAt: now,
    });
    return record;
  });
}
