import type { FastifyInstance } from 'fastify';
import { renderCaseLetter } from '../../../../app/case-handling/render-case-letter.js';
import { getReporterCase } from '../../../../app/tracking/get-reporter-case.js';
import type { HttpContext } from '../../../http-context.js';
import { formFields } from '../../kit/form-errors.js';
import { redirectAfterPost, sendPage, view } from '../../kit/render.js';
import { checkCsrf, webContext } from '../../kit/web-context.js';
import { evidencePost, textActionPost, textActions, withdrawPage, withdrawPost } from './case-actions.js';
import { CasePage, caseForms, doneNoticeOf } from './case-page.js';
import { casePath, signOutPath, signOutReporter, trackPath, withCase } from './reporter-session.js';
import { showSignIn, signIn } from './sign-in.js';

const hidden = { hide: true };
// As on the API's reporter routes: enough for a person, not for a script.
const reporterPostLimit = { rateLimit: { max: 30, timeWindow: '10 minutes' } };
const signInLimit = { rateLimit: { max: 120, timeWindow: '1 minute' } };

/**
 * The reporter's pages: `/lacak` signs in with register number and tracking code, `/lacak/kasus`
 * shows the case and takes the reporter's actions. Every post checks the form token, calls the
 * same use case as the JSON API, and answers 303 back to the case with a notice; a refusal
 * shows the page again with the errors, keeping what was typed.
 */
export async function trackPages(app: FastifyInstance, context: HttpContext): Promise<void> {
  const { deps } = context;
  const text = textActions(deps);

  app.get(trackPath, { schema: hidden }, (request, reply) => showSignIn(deps, request, reply));
  app.post(trackPath, { schema: hidden, config: signInLimit }, (request, reply) => signIn(context, request, reply));

  app.get(casePath, { schema: hidden }, withCase(deps, async (complaintId, request, reply) => {
    const ctx = webContext(deps, request, reply);
    const data = await getReporterCase(deps, complaintId);
    const done = doneNoticeOf((request.query as { selesai?: unknown }).selesai);
    return sendPage(reply, view(CasePage, { ctx, data, now: deps.clock.now(), done }));
  }));

  app.get(`${casePath}/surat`, { schema: hidden }, withCase(deps, async (complaintId, _request, reply) => {
    const letter = await renderCaseLetter(deps, { kind: 'reporter' }, complaintId);
    return reply.type('application/pdf').header('cache-control', 'no-store')
      .header('content-disposition', `attachment; filename="${letter.fileName}"`).send(letter.pdf);
  }));

  app.post(caseForms.answer.path, { schema: hidden, config: reporterPostLimit }, textActionPost(deps, 'answer', text.answer));
  app.post(caseForms.message.path, { schema: hidden, config: reporterPostLimit }, textActionPost(deps, 'message', text.message));
  app.post(caseForms.rate.path, { schema: hidden, config: reporterPostLimit }, textActionPost(deps, 'rate', text.rate));
  app.post(caseForms.appeal.path, { schema: hidden, config: reporterPostLimit }, textActionPost(deps, 'appeal', text.appeal));
  app.get(caseForms.withdraw.path, { schema: hidden }, withdrawPage(deps));
  app.post(caseForms.withdraw.path, { schema: hidden, config: reporterPostLimit }, withdrawPost(deps));
  app.post(caseForms.evidence.path, { schema: hidden, config: reporterPostLimit }, evidencePost(context));

  app.post(signOutPath, { schema: hidden }, async (request, reply) => {
    checkCsrf(deps, request, formFields(request)._csrf);
    await signOutReporter(deps, request, reply);
    return redirectAfterPost(reply, `${trackPath}?keluar=1`);
  });
}
