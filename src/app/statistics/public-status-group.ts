import type { ComplaintStatus } from '../../domain/complaint/complaint-status.js';

/**
 * Statuses as the public statistics show them. The workflow's fourteen states are staff detail;
 * grouped, the page says what the public wants to know and has fewer small counts to hide.
 */
export const publicStatusGroups = ['received', 'needs_info', 'in_progress', 'appealed', 'responded', 'closed', 'rejected', 'ended_otherwise'] as const;
export type PublicStatusGroup = (typeof publicStatusGroups)[number];

const groups: Record<ComplaintStatus, PublicStatusGroup> = {
  received: 'received',
  verified: 'received',
  needs_info: 'needs_info',
  assigned: 'in_progress',
  in_progress: 'in_progress',
  response_review: 'in_progress',
  response_approved: 'in_progress',
  appealed: 'appealed',
  responded: 'responded',
  closed: 'closed',
  rejected: 'rejected',
  referred: 'ended_otherwise',
  merged: 'ended_otherwise',
  withdrawn: 'ended_otherwise',
};

const groupOf = new Map<string, PublicStatusGroup>(Object.entries(groups));

export function publicStatusGroupOf(status: string): PublicStatusGroup {
  // The column only ever holds a workflow state; were it not one, "being handled" is the honest guess.
  return groupOf.get(status) ?? 'in_progress';
}
