import { Type } from 'typebox';

/** RFC 9457 problem details, as every error of the API answers. */
export const ProblemSchema = Type.Object({
  type: Type.String(),
  title: Type.String(),
  status: Type.Integer(),
  detail: Type.Optional(Type.String()),
  instance: Type.String(),
  code: Type.String(),
  errors: Type.Optional(Type.Array(Type.Object({ pointer: Type.String(), detail: Type.String(), code: Type.String() }))),
});

export const problemResponses = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((status) => [status, { ...ProblemSchema, description: 'Problem details (application/problem+json)' }]));
