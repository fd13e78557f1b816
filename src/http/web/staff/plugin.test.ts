import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../../../../test/support/test-app.js';

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
});
