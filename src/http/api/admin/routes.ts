import type { FastifyInstance } from 'fastify';
import type { HttpContext } from '../../http-context.js';
import { requireRole, requireStaff } from '../../plugins/staff-auth.js';
import { auditAdminRoutes } from './audit-routes.js';
import { categoryAdminRoutes } from './category-routes.js';
import { holidayAdminRoutes } from './holiday-routes.js';
import { letterAdminRoutes } from './letter-routes.js';
import { serviceLevelAdminRoutes } from './service-level-routes.js';
import { settingsAdminRoutes } from './settings-routes.js';
import { siteAdminRoutes } from './site-routes.js';
import { teamAdminRoutes } from './team-routes.js';
import { unitAdminRoutes } from './unit-routes.js';
import { userAdminRoutes } from './user-routes.js';
import { warningAdminRoutes } from './warning-routes.js';

/**
 * Everything under /api/v1/admin/ is for the `admin` role, but the audit log, which auditors
 * read too. Checked on request, before the body is validated, so a stranger learns nothing
 * from validation errors. A second line: the use cases ask `can` themselves (domain/access/capabilities.ts).
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
    await serviceLevelAdminRoutes(scope, context);
    await holidayAdminRoutes(scope, context);
    await settingsAdminRoutes(scope, context);
    await siteAdminRoutes(scope, context);
    await letterAdminRoutes(scope, context);
    await warningAdminRoutes(scope, context);
  });
  // The audit log is read by auditors too; they change nothing here.
  await app.register(async (scope) => {
    scope.addHook('onRequest', async (request) => {
      requireRole(await requireStaff(request, context.deps), 'admin', 'auditor');
    });
    await auditAdminRoutes(scope, context);
  });
}
