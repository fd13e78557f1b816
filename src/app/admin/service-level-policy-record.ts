import type { ServiceLevelPolicy } from '../../domain/service-level/service-level-policy.js';
import type { ServiceLevelPolicyRow } from '../../store/service-level-policies.js';
import { toServiceLevelPolicy } from '../service-levels/current-service-levels.js';

export interface ServiceLevelPolicyRecord extends Omit<ServiceLevelPolicy, 'durations'> {
  acknowledgement: ServiceLevelPolicy['durations']['acknowledgement'];
  verification: ServiceLevelPolicy['durations']['verification'];
  response: ServiceLevelPolicy['durations']['response'];
  isActive: boolean;
  createdAt: Date;
  updatedAt: Date | null;
}

export function toServiceLevelPolicyRecord(row: ServiceLevelPolicyRow): ServiceLevelPolicyRecord {
  const { durations, ...policy } = toServiceLevelPolicy(row);
  return { ...policy, ...durations, isActive: row.isActive, createdAt: row.createdAt, updatedAt: row.updatedAt };
}
