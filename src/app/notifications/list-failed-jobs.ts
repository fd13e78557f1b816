import { listFailedQueueJobs, type FailedQueueJob } from '../../store/job-queue-failures.js';
import { listFailedOutboxMessages, type FailedOutboxMessage } from '../../store/outbox-delivery.js';
import type { AppDeps } from '../deps.js';

export interface FailedJobs {
  outbox: FailedOutboxMessage[];
  queue: FailedQueueJob[];
}

/** What the worker gave up on, for administrators: messages by reference (never an address) and queue jobs. */
export async function listFailedJobs(deps: AppDeps, limit: number, jobQueueSchema?: string): Promise<FailedJobs> {
  return {
    outbox: await listFailedOutboxMessages(deps.db, limit),
    queue: await listFailedQueueJobs(deps.db, limit, jobQueueSchema),
  };
}
