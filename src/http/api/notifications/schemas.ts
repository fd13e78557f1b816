import { Type, type Static } from 'typebox';

const closed = { additionalProperties: false } as const;
const dateTime = Type.String({ format: 'date-time' });

export const NotificationItem = Type.Object({
  id: Type.Integer(),
  template: Type.String({ description: 'What happened, for programs: e.g. complaint.new, case.assigned_to_you, response.awaiting_your_approval' }),
  text: Type.String({ description: "What happened, as a sentence in the request's language (Accept-Language; Indonesian by default)" }),
  complaintId: Type.Union([Type.String(), Type.Null()]),
  registerNumber: Type.Union([Type.String(), Type.Null()]),
  title: Type.Union([Type.String(), Type.Null()], { description: "The case's title; null when the reader may no longer see the case" }),
  link: Type.Union([Type.String(), Type.Null()], { description: 'Where staff open the case: /staf/kasus/{complaintId}' }),
  createdAt: dateTime,
  readAt: Type.Union([dateTime, Type.Null()]),
}, closed);

export const NotificationListReply = Type.Object({
  items: Type.Array(NotificationItem),
  unreadCount: Type.Integer({ minimum: 0 }),
}, closed);

export const NotificationListQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
}, closed);
export type NotificationListQuery = Static<typeof NotificationListQuery>;

export const FailedJobsReply = Type.Object({
  outbox: Type.Array(Type.Object({
    id: Type.Integer(),
    complaintId: Type.Union([Type.String(), Type.Null()]),
    recipientKind: Type.Union([Type.Literal('reporter'), Type.Literal('staff')]),
    template: Type.String(),
    attempts: Type.Integer(),
    createdAt: dateTime,
    lastError: Type.Union([Type.String(), Type.Null()]),
  }, closed), { description: 'Messages the outbox relay gave up on; recipients by kind only, never an address' }),
  queue: Type.Array(Type.Object({
    id: Type.String(),
    name: Type.String(),
    retryCount: Type.Integer(),
    createdAt: dateTime,
    failedAt: Type.Union([dateTime, Type.Null()]),
    error: Type.Union([Type.String(), Type.Null()]),
  }, closed), { description: 'Job-queue (pg-boss) jobs in state failed' }),
}, closed);
