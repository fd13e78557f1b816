import { Type } from 'typebox';
import type { ReporterView } from '../../../domain/views/reporter-view.js';
import { statusLabels } from '../../../i18n/status-labels.js';
import { DeadlineSchema, presentDeadline } from '../shared/deadline-schema.js';

const Label = Type.Object({ id: Type.String(), en: Type.String() });

export const ReporterViewSchema = Type.Object({
  registerNumber: Type.String(),
  status: Type.Object({ code: Type.String(), label: Label }),
  title: Type.String(),
  description: Type.String({ description: 'What the reporter wrote, as they wrote it' }),
  facts: Type.Object({
    what: Type.String(), where: Type.String(), when: Type.String(), who: Type.String(), how: Type.String(), why: Type.Optional(Type.String()),
  }, { description: 'The reporter\'s own 5W1H answers' }),
  category: Type.Union([Type.String(), Type.Null()]),
  channel: Type.String(),
  submittedAt: Type.String({ format: 'date-time' }),
  receivedAt: Type.String({ format: 'date-time' }),
  completeness: Type.Object({ score: Type.Integer(), missing: Type.Array(Type.String()) }),
  deadlines: Type.Array(DeadlineSchema, { description: 'The service levels promised for this complaint and where each stands' }),
  history: Type.Array(Type.Object({
    kind: Type.Enum(['acknowledged', 'status_changed', 'message_from_reporter', 'message_to_reporter', 'attachment_added']),
    at: Type.String({ format: 'date-time' }),
    registerNumber: Type.Optional(Type.String()),
    status: Type.Optional(Type.Object({ code: Type.String(), label: Label })),
    text: Type.Optional(Type.String()),
    attachmentId: Type.Optional(Type.String()),
    fileName: Type.Optional(Type.String()),
    by: Type.Optional(Type.String()),
  }), { description: 'The acknowledgement first, then what concerns the reporter; never internal notes' }),
  attachments: Type.Array(Type.Object({
    id: Type.String(), fileName: Type.String(), mediaType: Type.String(), sizeBytes: Type.Integer(), sha256: Type.String(),
    addedAt: Type.String({ format: 'date-time' }),
  })),
  response: Type.Union([
    Type.Object({ finding: Type.String(), text: Type.String(), sentAt: Type.String({ format: 'date-time' }) }),
    Type.Null(),
  ], { description: 'The latest response sent; it is not repeated in the history' }),
  correctiveActions: Type.Array(Type.Object({
    description: Type.String(), dueOn: Type.String({ format: 'date' }), status: Type.Enum(['open', 'completed']),
  }), { description: 'What the body undertook to put right, followed to completion' }),
  question: Type.Union([
    Type.Object({
      text: Type.String(), askedAt: Type.String({ format: 'date-time' }),
      closesAfter: Type.Object({ amount: Type.Integer(), unit: Type.Enum(['minutes', 'working_days', 'calendar_days']) }),
      closesAt: Type.String({ format: 'date-time', description: 'When the complaint is closed if the reporter has not answered' }),
    }),
    Type.Null(),
  ], { description: 'The request for information to answer now (status needs_info)' }),
});

/** The reporter view as JSON: dates as ISO strings, each status with both labels. */
export function presentReporterView(view: ReporterView) {
  return {
    registerNumber: view.registerNumber,
    status: { code: view.status, label: statusLabels[view.status] },
    title: view.title,
    description: view.description,
    facts: view.facts,
    category: view.categoryCode,
    channel: view.channel,
    submittedAt: view.submittedAt.toISOString(),
    receivedAt: view.receivedAt.toISOString(),
    completeness: view.completeness,
    deadlines: view.deadlines.map(presentDeadline),
    history: view.history.map((entry) => entry.kind === 'status_changed'
      ? { ...entry, at: entry.at.toISOString(), status: { code: entry.status, label: statusLabels[entry.status] } }
      : { ...entry, at: entry.at.toISOString() }),
    attachments: view.attachments.map((attachment) => ({ ...attachment, addedAt: attachment.addedAt.toISOString() })),
    response: view.response === null ? null : { ...view.response, sentAt: view.response.sentAt.toISOString() },
    correctiveActions: view.correctiveActions,
    question: view.question === null ? null : { ...view.question, askedAt: view.question.askedAt.toISOString(), closesAt: view.question.closesAt.toISOString() },
  };
}
