import { Type } from 'typebox';

export const ReporterAttachmentsMultipart = Type.Object(
  { attachments: Type.Array(Type.String({ format: 'binary' }), { minItems: 1, maxItems: 10, description: 'Evidence, at most 10 MB each' }) },
  { additionalProperties: false },
);
