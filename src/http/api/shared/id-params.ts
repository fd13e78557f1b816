import { Type, type Static } from 'typebox';

/** Path ids arrive as text and the validator does not coerce types, so the pattern is the check. */
export const IdParams = Type.Object({ id: Type.String({ pattern: '^[1-9][0-9]{0,14}$', description: 'A numeric id' }) }, { additionalProperties: false });
export type IdParams = Static<typeof IdParams>;
