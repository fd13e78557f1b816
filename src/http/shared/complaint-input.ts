import type { SubmitComplaintInput } from '../../app/intake/submit-complaint.js';
import type { UploadedFile } from '../../app/intake/uploaded-file.js';
import { identityInputOf } from '../../domain/complaint/identity.js';
import { DomainError } from '../../domain/domain-error.js';
import type { SubmitComplaintBody } from './complaint-schemas.js';

/**
 * The one mapping of a complaint body (the API's JSON, or the public form's fields put in the
 * same shape and checked by the same schema) to the intake use case's input.
 */
export function complaintInputOf(body: SubmitComplaintBody, submittedBy: SubmitComplaintInput['submittedBy'], attachments: UploadedFile[], identityDocuments: UploadedFile[]): SubmitComplaintInput {
  const { identity } = body;
  if (identity.mode === 'anonymous') {
    // An anonymous report keeps nothing that could name its reporter, even if sent by mistake.
    const named = (['name', 'nik', 'email', 'phone', 'address'] as const).filter((field) => identity[field] !== undefined);
    if (named.length > 0) {
      throw new DomainError('request.invalid', {}, named.map((field) => ({ pointer: `/identity/${field}`, code: 'additionalProperties', params: { name: field } })));
    }
  }
  return {
    title: body.title,
    description: body.description,
    categoryCode: body.category,
    identity: identityInputOf(identity.mode, identity),
    facts: body.facts,
    location: body.location,
    locale: body.locale,
    allowPublication: body.allowPublication ?? false,
    channel: body.channel ?? 'web',
    receivedAt: body.receivedAt === undefined ? undefined : new Date(body.receivedAt),
    submittedBy,
    attachments,
    identityDocuments,
    officerNote: body.intake === undefined ? undefined : {
      identityDocumentChecked: body.intake.identityDocumentChecked ?? null, agendaNumber: body.intake.agendaNumber ?? null,
      letterOn: body.intake.letterOn ?? null, boxOpenedOn: body.intake.boxOpenedOn ?? null, note: body.intake.note ?? null,
    },
    concernedStaffIds: body.concernsStaffIds,
    concerns: body.concerns,
  };
}
