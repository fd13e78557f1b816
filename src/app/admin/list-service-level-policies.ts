import { listServiceLevelPolicies as listStoredPolicies } from '../../store/service-level-policies.js';
import type { AppDeps } from '../deps.js';
import { toServiceLevelPolicyRecord, type ServiceLevelPolicyRecord } from './service-level-policy-record.js';

/** Inactive ones too: administration is where they are seen and revived. */
export async function listServiceLevelPolicies(deps: AppDeps): Promise<ServiceLevelPolicyRecord[]> {
  return (await listStoredPolicies(deps.db, { activeOnly: false })).map(toServiceLevelPolicyRecord);
}
