import { requireCapability } from '../../domain/access/capabilities.js';
import type { Channel } from '../../domain/complaint/channel.js';
import { DomainError } from '../../domain/domain-error.js';
import type { Duration } from '../../domain/service-level/deadline.js';
import type { Priority } from '../../domain/workflow/workflow-values.js';
import { recordAdminAction } from '../../store/admin-audit.js';
import { findActiveCategory } from '../../store/categories.js';
import { findServiceLevelPolicyById, insertServiceLevelPolicy } from '../../store/service-level-policies.js';
import type { AppDeps } from '../deps.js';
import { auditActorId, type AdminActor } from './admin-actor.js';
import { createdRecord } from './audit-summary.js';
import { checkDurations } from './duration-input.js';
import { toServiceLevelPolicyRecord, type ServiceLevelPolicyRecord } from './service-level-policy-record.js';

export interface ServiceLevelDeadlinesInput {
  acknowledgement: Duration;
  verification: Duration;
  response: Duration;
}

export interface CreateServiceLevelPolicyInput extends ServiceLevelDeadlinesInput {
  name: string;
  channel?: Channel | null | undefined;
  category?: string | null | undefined;
  priority?: Priority | null | undefined;
  isWhistleblowing?: boolean | null | undefined;
}

/** The durations as columns; only the ones given. */
export function deadlineColumns(input: Partial<ServiceLevelDeadlinesInput>) {
  return {
    ...(input.acknowledgement ? { acknowledgementAmount: input.acknowledgement.amount, acknowledgementUnit: input.acknowledgement.unit } : {}),
    ...(input.verification ? { verificationAmount: input.verification.amount, verificationUnit: input.verification.unit } : {}),
    ...(input.response ? { responseAmount: input.response.amount, responseUnit: input.response.unit } : {}),
  };
}

/**
 * A policy for the cases its selectors match (a null selector matches anything; the most
 * specific matching policy wins). It applies to deadlines that start from now on, and to open
 * deadlines of cases whose triage changes what their policy is chosen by.
 */
export async function createServiceLevelPolicy(deps: AppDeps, actor: AdminActor, input: CreateServiceLevelPolicyInput): Promise<ServiceLevelPolicyRecord> {
  requireCapability(actor, 'configure');
  const now = deps.clock.now();
  checkDurations({ acknowledgement: input.acknowledgement, verification: input.verification, response: input.response });
  return deps.db.transaction().execute(async (trx) => {
    const category = input.category ?? null;
    if (category !== null && (await findActiveCategory(trx, category)) === undefined) {
      throw new DomainError('request.invalid', {}, [{ pointer: '/category', code: 'unknown_category' }]);
    }
    const id = await insertServiceLevelPolicy(trx, {
      name: input.name, channel: input.channel ?? null, categoryCode: category, priority: input.priority ?? null,
      isWhistleblowing: input.isWhistleblowing ?? null,
      acknowledgementAmount: input.acknowledgement.amount, acknowledgementUnit: input.acknowledgement.unit,
      verificationAmount: input.verification.amount, verificationUnit: input.verification.unit,
      responseAmount: input.response.amount, responseUnit: input.response.unit,
    }, now);
    const row = await findServiceLevelPolicyById(trx, id);
    if (!row) throw new Error(`service level policy ${id} vanished inside its own transaction`);
    const record = toServiceLevelPolicyRecord(row);
    await recordAdminAction(trx, { actorId: auditActorId(actor), action: 'service_level.created', target: { type: 'service_level', id }, summary: { record: createdRecord(record) }, occurredAt: now });
    return record;
  });
}
