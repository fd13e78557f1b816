import type { FastifyInstance } from 'fastify';
import type { HttpContext } from '../../http-context.js';
import { requireRole, requireStaff } from '../../plugins/staff-auth.js';
import { categoryAdminRoutes } from './category-routes.js';
import { settingsAdminRoutes } from './settings-routes.js';
import { teamAdminRoutes } from './team-routes.js';
import { unitAdminRoutes } from './unit-routes.js';
import { userAdminRoutes } from './user-routes.js';

/**
 * Everything under /api/v1/admin/ is for the `admin` role. Checked on request, before the
 * body is validated, so a stranger learns nothing from validation errors.
 */
export async function adminRoutes(app: FastifyInstance, context: HttpContext): Promise<void> {
  await app.register(async (scope) => {
    scope.addHook('onRequest', async (request) => {
      requireRole(await requireStaff(request, context.deps), 'admin');
    });
    await unitAdminRoutes(scope, context);
    await userAdminRoutes(scope, context);
    await teamAdminRoutes(scope, context);
    await categoryAdminRoutes(scope, context);
    await settingsAdminRoutes(scope, context);
  });
}
