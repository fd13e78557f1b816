import type { ReporterView } from '../../domain/views/reporter-view.js';
import { normalizeTrackingCode } from '../../domain/complaint/tracking-code.js';
import { parseRegisterNumber, formatRegisterNumber } from '../../domain/complaint/register-number.js';
import { DomainError } from '../../domain/domain-error.js';
import { findComplaintByTrackingHash } from '../../store/complaints.js';
import type { AppDeps } from '../deps.js';
import { getReporterView } from './get-reporter-view.js';
import { openReporterAccess } from './reporter-access.js';

export interface TrackedComplaint {
  view: ReporterView;
  accessToken: string;
  expiresAt: Date;
}

/**
 * Opens a case for whoever holds its register number and tracking code.
 * Any wrong pair fails the same way, after the same single indexed lookup by the code's
 * hash, so a stranger learns nothing about which register numbers exist.
 */
export async function trackComplaint(deps: AppDeps, input: { registerNumber: string; trackingCode: string }): Promise<TrackedComplaint> {
  let canonicalCode: string;
  let registerNumber: string;
  try {
    canonicalCode = normalizeTrackingCode(input.trackingCode);
    registerNumber = formatRegisterNumber(parseRegisterNumber(input.registerNumber));
  } catch {
    // A malformed code gets the same lookup (on a code that matches nothing), so the
    // answer's timing does not tell malformed from wrong.
    canonicalCode = '';
    registerNumber = '';
  }
  const complaint = await findComplaintByTrackingHash(deps.db, deps.keys.hashTrackingCode(canonicalCode));
  if (complaint === undefined || canonicalCode === '' || complaint.registerNumber !== registerNumber) {
    throw new DomainError('tracking.not_found');
  }
  const view = await getReporterView(deps, complaint.id, complaint);
  return { view, ...(await openReporterAccess(deps, complaint.id)) };
}
