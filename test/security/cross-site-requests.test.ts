import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { aStaffMember, rootUnitId } from '../support/staff.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let admin: { id: number; authorization: string };
let unitId: number;

before(async () => {
  t = await startTestApp();
  unitId = await rootUnitId(t);
  admin = await aStaffMember(t, { unitId, roles: ['admin'] });
});
after(() => t.close());

const tokenOf = (authorization: string) => authorization.replace(/^Bearer /, '');
const activeOf = async (id: number) => (await t.deps.db.selectFrom('users').select('isActive').where('id', '=', id).executeTakeFirstOrThrow()).isActive;

describe('cookie-authenticated changes from another site', () => {
  it('refuses a body-less deactivation that another site makes the browser send with the session cookie, and changes nothing', async () => {
    const victim = await aStaffMember(t, { unitId, roles: ['handler'] });
    const cookie = `aduan_session=${tokenOf(admin.authorization)}`;
    for (const headers of [
      { cookie, origin: 'https://evil.example' },
      { cookie, referer: 'https://evil.example/page.html' },
      { cookie, origin: 'null' },
      { cookie },
    ]) {
      const response = await t.app.inject({ method: 'POST', url: `/api/v1/admin/users/${victim.id}/deactivate`, headers });
      assert.equal(response.statusCode, 403, JSON.stringify(headers));
      assert.match(String(response.headers['content-type']), /^application\/problem\+json/);
      assert.equal(response.json().code, 'auth.cross_site_request');
    }
    assert.equal(await activeOf(victim.id), true);
  });

  it('answers in English when asked', async () => {
    const response = await t.app.inject({
      method: 'DELETE', url: '/api/v1/auth/tokens/1',
      headers: { cookie: `aduan_session=${tokenOf(admin.authorization)}`, origin: 'https://evil.example', 'accept-language': 'en' },
    });
    assert.equal(response.statusCode, 403);
    assert.match(response.json().title, /another site/);
  });

  it('accepts the same change from a page of this server, told by Origin or else by Referer', async () => {
    const cookie = `aduan_session=${tokenOf(admin.authorization)}`;
    const first = await aStaffMember(t, { unitId, roles: ['handler'] });
    const byOrigin = await t.app.inject({ method: 'POST', url: `/api/v1/admin/users/${first.id}/deactivate`, headers: { cookie, origin: 'http://localhost', host: 'localhost' } });
    assert.equal(byOrigin.statusCode, 200, byOrigin.body);
    const second = await aStaffMember(t, { unitId, roles: ['handler'] });
    const byReferer = await t.app.inject({ method: 'POST', url: `/api/v1/admin/users/${second.id}/deactivate`, headers: { cookie, referer: 'http://aduan.test/staf/pengguna', host: 'internal:3000' } });
    assert.equal(byReferer.statusCode, 200, byReferer.body);
  });

  it('leaves bearer-token clients as they were, with or without an Origin', async () => {
    const victim = await aStaffMember(t, { unitId, roles: ['handler'] });
    const response = await t.app.inject({ method: 'POST', url: `/api/v1/admin/users/${victim.id}/deactivate`, headers: { authorization: admin.authorization } });
    assert.equal(response.statusCode, 200, response.body);
  });

  it('lets reads through with the cookie alone', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: `aduan_session=${tokenOf(admin.authorization)}`, origin: 'https://evil.example' } });
    assert.equal(response.statusCode, 200);
  });

  it('keeps sign-in open to a page of this server, and refuses one posted from another site', async () => {
    const staff = await aStaffMember(t, { unitId, roles: ['handler'] });
    const payload = { email: staff.email, password: 'kata-sandi-yang-panjang-sekali' };
    const same = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload, headers: { origin: 'http://localhost', host: 'localhost' } });
    assert.equal(same.statusCode, 200, same.body);
    const cross = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload, headers: { origin: 'https://evil.example' } });
    assert.equal(cross.statusCode, 403);
    const scripted = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload });
    assert.equal(scripted.statusCode, 200, 'a client that is no browser sends no Origin');
  });

  it('sets the staff session cookie SameSite=Strict', async () => {
    const staff = await aStaffMember(t, { unitId, roles: ['handler'] });
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: staff.email, password: 'kata-sandi-yang-panjang-sekali' } });
    assert.match(String(response.headers['set-cookie']), /; SameSite=Strict(;|$)/);
  });
});

describe('behind a trusted proxy', () => {
  let proxied: TestApp;
  before(async () => { proxied = await startTestApp({ server: { trustProxy: true } }); });
  after(() => proxied.close());

  it('takes its own origin from the forwarded host and protocol', async () => {
    const staff = await aStaffMember(proxied, { unitId: await rootUnitId(proxied), roles: ['admin'] });
    const cookie = `aduan_session=${tokenOf(staff.authorization)}`;
    const headers = { cookie, 'x-forwarded-host': 'pengaduan.example.go.id', 'x-forwarded-proto': 'https' };
    const same = await proxied.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { ...headers, origin: 'https://pengaduan.example.go.id' } });
    assert.equal(same.statusCode, 204);
    const other = await proxied.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { ...headers, origin: 'http://pengaduan.example.go.id' } });
    assert.equal(other.statusCode, 403, 'another scheme is another origin');
  });
});
