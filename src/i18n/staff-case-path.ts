/** Where a staff member opens a case: the staff case page, in mails and in-app notifications alike. */
export function staffCasePath(complaintId: string): string {
  return `/staf/kasus/${encodeURIComponent(complaintId)}`;
}
