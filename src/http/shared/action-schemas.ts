import { Type, type TSchema } from 'typebox';
import { publicAnswerMaxLength, publishedSummaryMaxLength } from '../../domain/workflow/publication.js';
import { findings, rejectionReasons, verificationResults } from '../../domain/workflow/workflow-values.js';

const text = (maxLength = 10000) => Type.String({ minLength: 1, maxLength });
const object = (properties: Record<string, TSchema>) => Type.Object(properties, { additionalProperties: false });
const id = Type.Integer({ minimum: 1 });

/** The body of each staff action (`POST /api/v1/complaints/{id}/actions/{action}`). */
export const staffActionBodies = {
  verify: object({
    result: Type.Enum([...verificationResults]), note: text(), draftReply: Type.Optional(text()),
    concernsStaffIds: Type.Optional(Type.Array(id, {
      maxItems: 20, uniqueItems: true,
      description: 'The staff accounts matching whom the reporter says the complaint concerns (`concerns` in the staff view); they stop seeing the case at once. Required when the reporter named someone: [] when nobody on staff matches. A verifier who is named gets 409: another coordinator must verify',
    })),
  }),
  request_info: object({ message: text() }),
  reject: object({ reason: Type.Enum([...rejectionReasons]), message: text() }),
  triage: object({ category: Type.String({ minLength: 1, maxLength: 64 }), urgency: Type.Integer({ minimum: 1, maximum: 3 }), impact: Type.Integer({ minimum: 1, maximum: 3 }) }),
  assign: object({ unitId: id, handlerId: Type.Optional(id), teamId: Type.Optional(id), instructions: text() }),
  start: object({}),
  add_note: object({ text: text() }),
  message_reporter: object({ text: text() }),
  draft_response: object({ finding: Type.Enum([...findings]), text: text(50000) }),
  submit_for_approval: object({}),
  approve: object({ note: Type.String({ maxLength: 10000 }) }),
  return: object({ note: text() }),
  send_response: object({}),
  add_corrective_action: object({ description: text(), ownerId: id, dueOn: Type.String({ format: 'date' }) }),
  complete_corrective_action: object({ actionId: id, evidence: text() }),
  resolve_at_desk: object({ answer: text() }),
  close: object({ note: text() }),
  refer: Type.Union([object({ unitId: id }), object({ agency: text(300), note: text() })]),
  merge: object({ intoId: Type.String({ format: 'uuid' }) }),
  withdraw: object({ reason: text() }),
  unseal_identity: object({ reason: text(2000) }),
  publish: object({
    summary: Type.String({
      minLength: 1, maxLength: publishedSummaryMaxLength,
      description: 'What the public reads about the case, written for the public: never the reporter\'s identity (refused when it names them) nor internal notes. Publishing again replaces it.',
    }),
    publicAnswer: Type.String({
      minLength: 1, maxLength: publicAnswerMaxLength,
      description: 'The answer as the public reads it, written by staff from the response sent to the reporter: a staff console prefills it with the response text (in the case view\'s timeline), and staff take out what the public must not read (the reporter, named officers and sanctions, personal circumstances) before publishing. The response itself is never published; a text naming the reporter is refused. Publishing again replaces it.',
    }),
  }),
  unpublish: object({ reason: Type.Optional(text(2000)) }),
} satisfies Record<string, TSchema>;

export type StaffActionName = keyof typeof staffActionBodies;
export const staffActionNames = Object.keys(staffActionBodies) as StaffActionName[];

/** The reporter's actions (`POST /api/v1/reporter/actions/{action}`, with the tracking token). */
export const reporterActionBodies = {
  answer: object({ text: text() }),
  rate: object({ rating: Type.Integer({ minimum: 1, maximum: 5 }), comment: Type.Optional(text(5000)) }),
  appeal: object({ reasons: text() }),
  withdraw: object({ reason: text() }),
} satisfies Record<string, TSchema>;

export type ReporterActionName = keyof typeof reporterActionBodies;
export const reporterActionNames = Object.keys(reporterActionBodies) as ReporterActionName[];
