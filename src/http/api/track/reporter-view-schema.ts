import { Type } from 'typebox';
import type { ReporterView } from '../../../domain/views/reporter-view.js';
import { statusLabels } from '../../../i18n/status-labels.js';
import { DeadlineSchema, presentDeadline } from '../shared/deadline-schema.js';

const Label = Type.Object({ id: Type.String(), en: Type.String() });

export const ReporterViewSchema = Type.Object({
  registerNumber: Type.String(),
  status: Type.Object({ code: Type.String(), label: Label }),
  title: Type.String(),
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
});

/** The reporter view as JSON: dates as ISO strings, each status with both labels. */
export function presentReporterView(view: ReporterView) {
  return {
    registerNumber: view.registerNumber,
    status: { code: view.status, label: statusLabels[view.status] },
    title: view.title,
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
  };
}
