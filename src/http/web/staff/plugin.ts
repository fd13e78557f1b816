import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { StaffActor } from '../../../domain/access/policy.js';
import type { HttpContext } from '../../http-context.js';
import { requireStaff } from '../../plugins/staff-auth.js';

/** Where every staff page lives. */
export const staffPrefix = '/staf';

/**
 * The staff console's pages: one encapsulated plugin, registered under `/staf`, whose hook
 * lets no handler run for a request without a staff session (the session cookie the API's
 * sign-in sets). The frame, forms, CSRF and refusals come from the kit, as for the public
 * pages. It has no pages yet, so `/staf` answers 404 as every unknown path does.
 */
export async function staffPages(app: FastifyInstance, { context }: { context: HttpContext }): Promise<void> {
  app.addHook('preHandler', async (request) => {
    await requireStaff(request, context.deps);
  });
}

/** The signed-in staff member a staff page was asked by (looked up once per request, by the hook). */
export function staffOf(request: FastifyRequest, context: HttpContext): Promise<StaffActor> {
  return requireStaff(request, context.deps);
}
