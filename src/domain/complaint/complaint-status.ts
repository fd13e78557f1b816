/** Every state of a case (docs/design.md "Workflow"). */
export const complaintStatuses = [
  'received', 'needs_info', 'rejected', 'verified', 'assigned', 'in_progress', 'response_review',
  'response_approved', 'responded', 'closed', 'appealed', 'referred', 'merged', 'withdrawn',
] as const;
export type ComplaintStatus = (typeof complaintStatuses)[number];

const knownStatuses: ReadonlySet<string> = new Set(complaintStatuses);

/** For text from outside (a query string): whether it names a status. */
export function isComplaintStatus(value: string): value is ComplaintStatus {
  return knownStatuses.has(value);
}

/**
 * States in which the body still owes the reporter an answer: the case can still be referred,
 * merged or withdrawn, and a deadline passed in one makes it overdue in the inbox. Between
 * open and final lie `responded` and `rejected`: answered, but the reporter may still appeal.
 */
export const openStatuses: ReadonlySet<ComplaintStatus> = new Set([
  'received', 'needs_info', 'verified', 'assigned', 'in_progress', 'response_review', 'response_approved', 'appealed',
]);

/** States in which nothing more happens to the case, so the reporter can no longer add to it. */
export const finalStatuses: ReadonlySet<ComplaintStatus> = new Set(['closed', 'merged', 'withdrawn', 'referred']);
