import type { Kysely, Selectable } from 'kysely';
import type { Channel } from '../domain/complaint/channel.js';
import { DomainError } from '../domain/domain-error.js';
import type { DurationUnit } from '../domain/service-level/deadline.js';
import type { Priority } from '../domain/workflow/workflow-values.js';
import { isUniqueViolation } from './database-errors.js';
import type { Database, ServiceLevelPoliciesTable } from './schema.js';

export type ServiceLevelPolicyRow = Selectable<ServiceLevelPoliciesTable>;

export interface PolicySelectors {
  channel: Channel | null;
  categoryCode: string | null;
  priority: Priority | null;
  isWhistleblowing: boolean | null;
}

export interface PolicyDeadlines {
  acknowledgementAmount: number;
  acknowledgementUnit: DurationUnit;
  verificationAmount: number;
  verificationUnit: DurationUnit;
  responseAmount: number;
  responseUnit: DurationUnit;
}

function selectorsTaken(error: unknown): unknown {
  // service_level_policies_selectors_key: an active policy already has these selectors.
  return isUniqueViolation(error) ? new DomainError('admin.already_exists', {}, [{ pointer: '/channel', code: 'policy_exists' }]) : error;
}

export async function insertServiceLevelPolicy(db: Kysely<Database>, policy: { name: string } & PolicySelectors & PolicyDeadlines, now: Date): Promise<number> {
  try {
    const row = await db.insertInto('serviceLevelPolicies').values({ ...policy, createdAt: now, updatedAt: now }).returning('id').executeTakeFirstOrThrow();
    return row.id;
  } catch (error) {
    throw selectorsTaken(error);
  }
}

/** Selectors never change: a policy is what it applies to; a different scope is a new policy. */
export async function updateServiceLevelPolicy(
  db: Kysely<Database>, id: number, changes: Partial<{ name: string; isActive: boolean } & PolicyDeadlines>, now: Date,
): Promise<boolean> {
  try {
    const result = await db.updateTable('serviceLevelPolicies').set({ ...changes, updatedAt: now }).where('id', '=', id).executeTakeFirst();
    return result.numUpdatedRows > 0n;
  } catch (error) {
    throw selectorsTaken(error);
  }
}

export async function lockServiceLevelPolicy(db: Kysely<Database>, id: number): Promise<ServiceLevelPolicyRow | undefined> {
  return db.selectFrom('serviceLevelPolicies').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function findServiceLevelPolicyById(db: Kysely<Database>, id: number): Promise<ServiceLevelPolicyRow | undefined> {
  return db.selectFrom('serviceLevelPolicies').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Inactive ones too, for administration; the catch-all first, then by specificity as the admin reads them. */
export async function listServiceLevelPolicies(db: Kysely<Database>, options: { activeOnly: boolean }): Promise<ServiceLevelPolicyRow[]> {
  let query = db.selectFrom('serviceLevelPolicies').selectAll();
  if (options.activeOnly) query = query.where('isActive', '=', true);
  return query.orderBy('id').execute();
}

/** How many active policies match every case, for the rule that one always does. */
export async function countActiveCatchAllPolicies(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('serviceLevelPolicies').select((eb) => eb.fn.countAll<number>().as('count'))
    .where('isActive', '=', true).where('channel', 'is', null).where('categoryCode', 'is', null)
    .where('priority', 'is', null).where('isWhistleblowing', 'is', null).executeTakeFirstOrThrow();
  return Number(row.count);
}
