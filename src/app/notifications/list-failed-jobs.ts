import { requireCapability } from '../../domain/access/capabilities.js';
import type { StaffActor } from '../../domain/access/policy.js';
import { listFailedQueueJobs, type FailedQueueJob } from '../../store/job-queue-failures.js';
import { listFailedOutboxMessages, type FailedOutboxMessage } from '../../store/outbox-delivery.js';
import type { AppDeps } from '../deps.js';

export interface FailedJobs {
  outbox: FailedOutboxMessage[];
  queue: FailedQueueJob[];
}

/** What the worker gave up on, for administrators: messages by reference (never an address) and queue jobs. */
export async function listFailedJobs(deps: AppDeps, actor: StaffActor, limit: number, jobQueueSchema?: string): Promise<FailedJobs> {
  requireCapability(actor, 'read_failed_jobs');
  return {
    outbox: await listFailedOutboxMessages(deps.db, limit),
    queue: await listFailedQueueJobs(deps.db, limit, jobQueueSchema),
  };
}
