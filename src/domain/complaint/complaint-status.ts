/** Every state of a case (docs/design.md "Workflow"). */
export const complaintStatuses = [
  'received', 'needs_info', 'rejected', 'verified', 'assigned', 'in_progress', 'response_review',
  'response_approved', 'responded', 'closed', 'appealed', 'referred', 'merged', 'withdrawn',
] as const;
export type ComplaintStatus = (typeof complaintStatuses)[number];

/** States in which nothing more happens to the case, so the reporter can no longer add to it. */
export const finalStatuses: ReadonlySet<ComplaintStatus> = new Set(['closed', 'merged', 'withdrawn', 'referred']);
