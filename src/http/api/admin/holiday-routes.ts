import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { createHoliday } from '../../../app/admin/create-holiday.js';
import { deleteHoliday } from '../../../app/admin/delete-holiday.js';
import type { HolidayRecord } from '../../../app/admin/holiday-record.js';
import { listHolidays } from '../../../app/admin/list-holidays.js';
import { updateHoliday } from '../../../app/admin/update-holiday.js';
import type { HttpContext } from '../../http-context.js';
import { requireStaff } from '../../plugins/staff-auth.js';
import { IdParams } from '../shared/id-params.js';
import { problemResponses } from '../shared/problem-schema.js';
import { listOf } from './schemas.js';
import { HolidayBody, HolidayPatch, HolidayQuery, HolidayReply } from './service-level-schemas.js';

const presentHoliday = (holiday: HolidayRecord) => ({
  ...holiday, createdAt: holiday.createdAt.toISOString(), updatedAt: holiday.updatedAt === null ? null : holiday.updatedAt.toISOString(),
});

export async function holidayAdminRoutes(app: FastifyInstance, { deps }: HttpContext): Promise<void> {
  const typed = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['admin'];

  typed.get('/api/v1/admin/holidays', {
    schema: { summary: 'The working calendar’s non-working days (national holidays, collective leave, local closures)', tags, querystring: HolidayQuery, response: { 200: listOf(HolidayReply), ...problemResponses(400, 401, 403) } },
  }, async (request) => {
    const { year, unitId, installationWide, includeInactive } = request.query;
    return { items: (await listHolidays(deps, { year, unitId: installationWide ? null : unitId, includeInactive })).map(presentHoliday) };
  });

  typed.post('/api/v1/admin/holidays', {
    schema: {
      summary: 'Add a non-working day',
      description: 'Deadlines worked out from now on skip it; a deadline already set moves only when its clock is next worked out (the case resumes or restarts).',
      tags, body: HolidayBody, response: { 201: HolidayReply, ...problemResponses(400, 401, 403, 409) },
    },
  }, async (request, reply) => reply.code(201).send(presentHoliday(await createHoliday(deps, await requireStaff(request, deps), request.body))));

  typed.patch('/api/v1/admin/holidays/:id', {
    schema: { summary: 'Move, rename or reactivate a non-working day', tags, params: IdParams, body: HolidayPatch, response: { 200: HolidayReply, ...problemResponses(400, 401, 403, 404, 409) } },
  }, async (request) => presentHoliday(await updateHoliday(deps, await requireStaff(request, deps), Number(request.params.id), request.body)));

  typed.delete('/api/v1/admin/holidays/:id', {
    schema: { summary: 'Make the day a working day again (kept, inactive, for the record)', tags, params: IdParams, response: { 200: HolidayReply, ...problemResponses(400, 401, 403, 404) } },
  }, async (request) => presentHoliday(await deleteHoliday(deps, await requireStaff(request, deps), Number(request.params.id))));
}
