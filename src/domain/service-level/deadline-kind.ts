/**
 * The deadlines every case runs against (docs/design.md "Service levels"). Which event meets each
 * is decided in case-deadlines.ts.
 */
export const deadlineKinds = ['acknowledgement', 'verification', 'response'] as const;
export type DeadlineKind = (typeof deadlineKinds)[number];
