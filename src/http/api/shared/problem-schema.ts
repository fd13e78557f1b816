import { Type } from 'typebox';

/** RFC 9457 problem details, as every error of the API answers. */
export const ProblemSchema = Type.Object({
  type: Type.String(),
  title: Type.String(),
  status: Type.Integer(),
  detail: Type.Optional(Type.String()),
  instance: Type.String(),
  code: Type.String(),
  state: Type.Optional(Type.String({ description: 'workflow.action_not_allowed: the state the case is in' })),
  allowed: Type.Optional(Type.Array(Type.String(), { description: 'workflow.action_not_allowed: the actions allowed now' })),
  awaiting: Type.Optional(Type.Object({ role: Type.String(), unitId: Type.Integer() }, { description: 'workflow.not_your_turn: whose turn it is to approve' })),
  errors: Type.Optional(Type.Array(Type.Object({ pointer: Type.String(), detail: Type.String(), code: Type.String() }))),
});

export const problemResponses = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((status) => [status, { ...ProblemSchema, description: 'Problem details (application/problem+json)' }]));
