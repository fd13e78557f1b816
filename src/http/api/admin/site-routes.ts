import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type, type Static } from 'typebox';
import { getSiteContact } from '../../../app/site/get-site-contact.js';
import { updateSiteContact } from '../../../app/site/update-site-contact.js';
import type { HttpContext } from '../../http-context.js';
import { requireStaff } from '../../plugins/staff-auth.js';
import { problemResponses } from '../shared/problem-schema.js';

const nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);
const phoneNumber = (description: string) => nullable(Type.String({ pattern: '^\\+?[0-9 ()-]{3,20}$', description }));

const SiteContactSchema = Type.Object({
  organisation: nullable(Type.String({ maxLength: 200, description: 'The body\'s name as the public knows it' })),
  address: nullable(Type.String({ maxLength: 500, description: 'For walk-in visits and letters' })),
  email: nullable(Type.String({ format: 'email', maxLength: 254 })),
  whatsapp: phoneNumber('WhatsApp number, e.g. 0822-8666-6106 or +62 822 8666 6106'),
  phone: phoneNumber('Desk telephone'),
  callCentre: phoneNumber('Call centre, e.g. 1500991'),
  website: Type.Optional(nullable(Type.String({ maxLength: 200, pattern: '^https?://[^\\s]+$', description: 'The body\'s website, printed in the letterhead' }))),
  place: Type.Optional(nullable(Type.String({ minLength: 1, maxLength: 100, description: 'Town printed before the date of a letter (tempat surat), e.g. Bandung' }))),
  openingHours: Type.Object({
    id: Type.String({ minLength: 1, maxLength: 200, description: 'In Indonesian, e.g. Senin–Jumat, 08.00–16.00 WIB' }),
    en: Type.String({ minLength: 1, maxLength: 200, description: 'In English' }),
  }, { additionalProperties: false }),
  suggestionBoxes: Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 30, description: 'Where the suggestion boxes stand' }),
}, { additionalProperties: false, description: 'The ways to complain shown on the home page; null leaves a channel out' });
type SiteContactSchema = Static<typeof SiteContactSchema>;


/** The public contact details on the home page (administrators only, like all of /api/v1/admin). */
export async function siteAdminRoutes(app: FastifyInstance, { deps }: HttpContext): Promise<void> {
  const typed = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['admin'];

  typed.get('/api/v1/admin/site', {
    schema: { summary: 'The contact details and opening hours shown on the home page', tags, response: { 200: SiteContactSchema, ...problemResponses(401, 403) } },
  }, async (): Promise<SiteContactSchema> => getSiteContact(deps));

  typed.put('/api/v1/admin/site', {
    schema: {
      summary: 'Replace the contact details and opening hours shown on the home page',
      description: 'Every member is required but website and place (left out: none); null (or an empty list) leaves that way of complaining off the home page.',
      tags, body: SiteContactSchema, response: { 200: SiteContactSchema, ...problemResponses(400, 401, 403) },
    },
  }, async (request): Promise<SiteContactSchema> => updateSiteContact(deps, await requireStaff(request, deps), { website: null, place: null, ...request.body }));
}
