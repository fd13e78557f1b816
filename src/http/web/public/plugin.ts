import type { FastifyInstance } from 'fastify';
import type { HttpContext } from '../../http-context.js';
import { complaintFormPages } from './complaint-form/routes.js';
import { homePages } from './home/routes.js';
import { publicRegisterPages } from './public-register/routes.js';
import { statisticsPages } from './statistics/routes.js';
import { trackPages } from './track/routes.js';
import { verificationPages } from './verification/routes.js';

/** The public's pages, one folder per screen: its `routes.ts` registers them, its `*-page.tsx` are the views. */
export async function publicPages(app: FastifyInstance, context: HttpContext): Promise<void> {
  await homePages(app, context);
  await complaintFormPages(app, context);
  await trackPages(app, context);
  await publicRegisterPages(app, context);
  await statisticsPages(app, context);
  await verificationPages(app, context);
}
