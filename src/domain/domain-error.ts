/**
 * Every refusal the domain or a use case can give, as a stable code `area.problem`.
 * Only http/plugins/problem-details.ts maps these to HTTP statuses.
 */
export const domainErrorCodes = [
  'request.invalid',
  'intake.channel_requires_staff',
  'intake.unknown_category',
  'intake.identity_incomplete',
  'attachment.too_large',
  'attachment.type_not_allowed',
  'attachment.too_many',
  'tracking.not_found',
  'tracking.too_many_attempts',
  'reporter.token_invalid',
  'complaint.not_found',
  'complaint.is_final',
  'register_number.invalid',
  'tracking_code.invalid',
  'workflow.forbidden',
  'workflow.not_your_turn',
  'workflow.action_not_allowed',
  'publication.not_consented',
  'auth.required',
  'auth.forbidden',
  'auth.invalid_credentials',
  'auth.totp_required',
  'auth.totp_invalid',
  'auth.totp_enrolment_required',
  'auth.totp_already_enabled',
  'auth.totp_not_enrolled',
  'auth.token_not_found',
  'auth.cross_site_request',
  'auth.sign_in_throttled',
  'attachment.not_found',
  'admin.not_found',
  'admin.already_exists',
  'admin.unit_parent_cycle',
  'admin.unit_in_use',
  'admin.self_deactivation',
  'whistleblowing.no_integrity_team',
  'whistleblowing.integrity_team_needed',
  'case.verifier_concerned',
  'letter.not_found',
  'receipt.not_found',
] as const;

export type DomainErrorCode = (typeof domainErrorCodes)[number];

export interface FieldProblem {
  /** JSON pointer into the request body, e.g. `/facts/what`. */
  pointer: string;
  code: string;
  /** Values for the message template (limits, allowed values). */
  params?: Record<string, string | number>;
}

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    readonly details: Record<string, unknown> = {},
    readonly fields: FieldProblem[] = [],
  ) {
    super(code);
    this.name = 'DomainError';
  }
}
