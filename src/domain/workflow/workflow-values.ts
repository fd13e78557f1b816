/** Values shared by workflow actions and the events they record (stored: never change a meaning). */

export const verificationResults = ['indicated', 'not_indicated'] as const;
/** Whether verification found an indication that the complaint is true (the KPKNL seed's two outcomes). */
export type VerificationResult = (typeof verificationResults)[number];

export const rejectionReasons = ['out_of_scope', 'insufficient_information', 'duplicate', 'other'] as const;
export type RejectionReason = (typeof rejectionReasons)[number];

export const findings = ['substantiated', 'partly_substantiated', 'unsubstantiated', 'undeterminable'] as const;
export type Finding = (typeof findings)[number];

export const priorities = ['low', 'medium', 'high'] as const;
export type Priority = (typeof priorities)[number];

/**
 * One level of a response's approval chain, resolved for one case: the role and the unit whose
 * holder of that role approves. `holderIds` are the staff who hold that role there when the
 * draft is submitted; the domain cannot look them up, and needs them to skip a level whose
 * approver the complaint concerns.
 */
export interface ApprovalLevel {
  role: string;
  unitId: number;
  holderIds: number[];
}

/** Where a case is referred: a unit of this installation, or an agency outside it. */
export type ReferralTarget = { kind: 'unit'; unitId: number } | { kind: 'agency'; agency: string; note: string };
