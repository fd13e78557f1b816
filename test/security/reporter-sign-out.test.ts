import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { caseDriver, type Submitted } from '../support/case-driver.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
before(async () => { t = await startTestApp(); });
after(() => t.close());

const { submit, reporterToken } = caseDriver(() => t);

const readCase = (authorization: string) => t.app.inject({ method: 'GET', url: '/api/v1/reporter/complaint', headers: { authorization } });

/** Signs in on the tracking page as a browser does: the form's CSRF token, then the reporter cookie. */
async function signInByForm(submitted: Submitted): Promise<{ csrfCookie: string; token: string; reporterCookie: string }> {
  const page = await t.app.inject({ method: 'GET', url: '/lacak' });
  const csrfCookie = `aduan_csrf=${String(page.cookies.find((c) => c.name === 'aduan_csrf')?.value)}`;
  const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
  const response = await t.app.inject({
    method: 'POST', url: '/lacak', headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrfCookie },
    payload: new URLSearchParams({ _csrf: token, registerNumber: submitted.registerNumber, trackingCode: submitted.trackingCode }).toString(),
  });
  assert.equal(response.statusCode, 303, response.body);
  const reporter = response.cookies.find((c) => c.name === 'aduan_pelapor');
  assert.ok(reporter);
  return { csrfCookie, token, reporterCookie: `aduan_pelapor=${reporter.value}` };
}

describe('a reporter signing out', () => {
  it('ends the access token on the API: the same bearer token then answers 401', async () => {
    const submitted = await submit();
    const token = await reporterToken(submitted);
    assert.equal((await readCase(token)).statusCode, 200);
    const out = await t.app.inject({ method: 'POST', url: '/api/v1/reporter/sign-out', headers: { authorization: token } });
    assert.equal(out.statusCode, 204, out.body);
    const after = await readCase(token);
    assert.equal(after.statusCode, 401);
    assert.equal(after.json().code, 'reporter.token_invalid');
    assert.equal((await t.app.inject({ method: 'POST', url: '/api/v1/reporter/sign-out', headers: { authorization: token } })).statusCode, 401, 'an ended token cannot sign out again');
    assert.equal((await readCase(await reporterToken(submitted))).statusCode, 200, 'the code still opens the case afresh');
  });

  it('with "Keluar" on the page ends the cookie for the page and its token for the API', async () => {
    const submitted = await submit();
    const session = await signInByForm(submitted);
    const cookie = `${session.csrfCookie}; ${session.reporterCookie}`;
    assert.equal((await t.app.inject({ method: 'GET', url: '/lacak/kasus', headers: { cookie } })).statusCode, 200);
    const out = await t.app.inject({
      method: 'POST', url: '/lacak/keluar', headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      payload: new URLSearchParams({ _csrf: session.token }).toString(),
    });
    assert.equal(out.statusCode, 303, out.body);
    const replayed = await t.app.inject({ method: 'GET', url: '/lacak/kasus', headers: { cookie } });
    assert.equal(replayed.statusCode, 303, 'the old cookie goes back to the sign-in form');
    assert.equal(replayed.headers.location, '/lacak?sesi=berakhir');
    assert.equal((await readCase(session.reporterCookie.replace('aduan_pelapor=', ''))).statusCode, 401);
  });

  it('ends every token handed out for the case before, as the page renews its token on every visit', async () => {
    const submitted = await submit();
    const first = await reporterToken(submitted);
    const second = await reporterToken(submitted);
    assert.equal((await t.app.inject({ method: 'POST', url: '/api/v1/reporter/sign-out', headers: { authorization: second } })).statusCode, 204);
    assert.equal((await readCase(first)).statusCode, 401);
  });
});
