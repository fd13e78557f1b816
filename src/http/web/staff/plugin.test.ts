import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import Fastify from 'fastify';
import { DomainError } from '../../../domain/domain-error.js';
import { startTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { staffPages } from './plugin.js';

describe('the staff pages before the staff console', () => {
  let testApp: TestApp;
  before(async () => {
    testApp = await startTestApp();
  });
  after(async () => {
    await testApp.close();
  });

  it('answer /staf with the site\'s not-found page, as any unknown path', async () => {
    for (const url of ['/staf', '/staf/kasus']) {
      const response = await testApp.app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });
      assert.equal(response.statusCode, 404);
      assert.match(String(response.headers['content-type']), /text\/html/);
    }
  });

  it('let no staff page run for a request without a staff session', async () => {
    const app = Fastify();
    app.setErrorHandler((error, _request, reply) => reply.code(error instanceof DomainError ? 401 : 500).send({ code: error instanceof DomainError ? error.code : 'other' }));
    await app.register(async (staff) => {
      await staffPages(staff, { context: { deps: testApp.deps, limits: { submissionsPerHour: 1, trackingFailuresPer15Min: 1 }, uploadDir: testApp.uploadDir } });
      staff.get('/kasus', async () => 'a staff page');
    }, { prefix: '/staf' });
    const response = await app.inject({ method: 'GET', url: '/staf/kasus' });
    assert.equal(response.statusCode, 401);
    assert.deepEqual(response.json(), { code: 'auth.required' });
    await app.close();
  });
});
