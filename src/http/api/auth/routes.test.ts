import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { systemActor } from '../../../app/admin/admin-actor.js';
import { createStaffUser } from '../../../app/admin/create-staff-user.js';
import { createFirstAdmin } from '../../../app/setup/create-first-admin.js';
import { accountAtAddressRule } from '../../../domain/access/sign-in-throttle.js';
import { fixedClock, startTestApp, type TestApp } from '../../../../test/support/test-app.js';

const clock = fixedClock(new Date('2026-03-02T02:00:00Z'));
const password = 'kata-sandi-cukup-panjang';
let t: TestApp;
let unitId: number;
let nextEmail = 0;

before(async () => {
  t = await startTestApp({ clock, server: { limits: { submissionsPerHour: 10_000, trackingFailuresPer15Min: 10, signInsPerMinute: 10_000 } } });
  unitId = (await t.deps.db.selectFrom('units').select('id').where('parentId', 'is', null).executeTakeFirstOrThrow()).id;
});
after(() => t.close());

async function aStaffAccount(roles: ('admin' | 'coordinator' | 'handler')[] = ['coordinator']) {
  nextEmail += 1;
  const email = `petugas${nextEmail}@aduan.test`;
  const user = await createStaffUser(t.deps, systemActor, { email, name: `Petugas ${nextEmail}`, password, unitId, roles });
  return { ...user, email };
}

const login = (payload: Record<string, unknown>, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload, headers });

describe('signing in and out', () => {
  it('answers a token and sets an HttpOnly, SameSite=Strict session cookie that /me accepts', async () => {
    const account = await aStaffAccount(['coordinator', 'handler']);
    const response = await login({ email: account.email.toUpperCase(), password });
    assert.equal(response.statusCode, 200, response.body);
    const { token, expiresAt, totpEnrolmentRequired } = response.json();
    assert.match(token, /^aduan_[A-Za-z0-9_-]{43}$/);
    assert.equal(expiresAt, new Date(clock.now().getTime() + 12 * 3600_000).toISOString());
    assert.equal(totpEnrolmentRequired, false);
    const cookie = String(response.headers['set-cookie']);
    assert.equal(cookie, `aduan_session=${token}; Path=/; Max-Age=43200; HttpOnly; SameSite=Strict`);

    const byCookie = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: `theme=dark; aduan_session=${token}` } });
    assert.equal(byCookie.statusCode, 200, byCookie.body);
    assert.deepEqual(byCookie.json(), {
      id: account.id, email: account.email, name: account.name, unitId, roles: ['coordinator', 'handler'], teamIds: [], totpEnabled: false, totpEnrolmentRequired: false,
    });
    const byBearer = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${token}` } });
    assert.equal(byBearer.statusCode, 200);
  });

  it('stores only a hash of the session token', async () => {
    const account = await aStaffAccount();
    const { token } = (await login({ email: account.email, password })).json();
    const dump = await sql<{ dump: string }>`select string_agg(row_to_json(s)::text, '|') as dump from staff_tokens s`.execute(t.database.db);
    assert.ok(!(dump.rows[0]?.dump ?? '').includes(token.slice(6)));
  });

  it('signs out: the token stops working and the cookie is cleared', async () => {
    const account = await aStaffAccount();
    const { token } = (await login({ email: account.email, password })).json();
    const out = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: `aduan_session=${token}`, origin: 'http://aduan.test' } });
    assert.equal(out.statusCode, 204);
    assert.match(String(out.headers['set-cookie']), /^aduan_session=; Path=\/; Max-Age=0; HttpOnly; SameSite=Strict$/);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${token}` } });
    assert.equal(me.statusCode, 401);
    assert.equal(me.json().code, 'auth.required');
  });

  it('refuses a session after 12 hours', async () => {
    const account = await aStaffAccount();
    const { token } = (await login({ email: account.email, password })).json();
    const start = clock.now();
    clock.advanceMs(12 * 3600_000);
    try {
      const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${token}` } });
      assert.equal(me.statusCode, 401);
    } finally {
      clock.set(start);
    }
  });

  it('answers a wrong password and an unknown email alike', async () => {
    const account = await aStaffAccount();
    const wrongPassword = await login({ email: account.email, password: 'not-the-password-at-all' });
    const unknownEmail = await login({ email: 'nobody@aduan.test', password });
    assert.equal(wrongPassword.statusCode, 401);
    assert.equal(unknownEmail.statusCode, 401);
    assert.deepEqual(wrongPassword.json(), unknownEmail.json());
    assert.equal(wrongPassword.json().code, 'auth.invalid_credentials');
    assert.equal(wrongPassword.headers['set-cookie'], undefined);
  });

  it('forgets earlier failures after a successful sign-in', async () => {
    const account = await aStaffAccount();
    for (let attempt = 1; attempt <= accountAtAddressRule.freeFailures; attempt += 1) await login({ email: account.email, password: 'wrong-password-again' });
    assert.equal((await login({ email: account.email, password })).statusCode, 200);
    for (let attempt = 1; attempt <= accountAtAddressRule.freeFailures; attempt += 1) await login({ email: account.email, password: 'wrong-password-again' });
    assert.equal((await login({ email: account.email, password })).statusCode, 200);
  });

  it('refuses a deactivated account like an unknown one, and its open sessions', async () => {
    const account = await aStaffAccount();
    const { token } = (await login({ email: account.email, password })).json();
    await t.deps.db.updateTable('users').set({ isActive: false }).where('id', '=', account.id).execute();
    assert.equal((await login({ email: account.email, password })).json().code, 'auth.invalid_credentials');
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${token}` } })).statusCode, 401);
  });

  it('refuses a malformed body with problem details and unknown fields', async () => {
    const response = await login({ email: 'a@b.test', password: 'x', remember: true });
    assert.equal(response.statusCode, 400);
    assert.deepEqual(response.json().errors.map((error: { pointer: string }) => error.pointer), ['/remember']);
  });

  it('ignores a cookie when an Authorization header is sent, and answers 401 for a bad one', async () => {
    const account = await aStaffAccount();
    const { token } = (await login({ email: account.email, password })).json();
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: 'Bearer aduan_wrong', cookie: `aduan_session=${token}` } });
    assert.equal(response.statusCode, 401);
  });
});

describe('the first administrator', () => {
  it('signs in with the ADUAN_ADMIN_EMAIL / ADUAN_ADMIN_PASSWORD account', async () => {
    const fresh = await startTestApp({ clock });
    try {
      assert.equal(await createFirstAdmin(fresh.deps, { email: 'admin@aduan.test', password: 'admin-password-123' }), true);
      const response = await fresh.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'admin@aduan.test', password: 'admin-password-123' } });
      assert.equal(response.statusCode, 200, response.body);
      const me = await fresh.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${response.json().token}` } });
      assert.deepEqual(me.json().roles, ['admin']);
      const audit = await fresh.app.inject({ method: 'GET', url: '/api/v1/admin/audit', headers: { authorization: `Bearer ${response.json().token}` } });
      assert.deepEqual(audit.json().items.map((entry: { action: string; actor: unknown }) => [entry.action, entry.actor]), [['staff_user.created', null]], 'created by the system, on the record');
    } finally {
      await fresh.close();
    }
  });
});

describe('throttling by address', () => {
  it('answers 429 problem details past the per-minute limit of sign-in attempts', async () => {
    const limited = await startTestApp({ clock, server: { limits: { submissionsPerHour: 10, trackingFailuresPer15Min: 10, signInsPerMinute: 2 } } });
    try {
      const attempt = () => limited.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'x@aduan.test', password: 'whatever-password' } });
      assert.equal((await attempt()).statusCode, 401);
      assert.equal((await attempt()).statusCode, 401);
      const third = await attempt();
      assert.equal(third.statusCode, 429);
      assert.equal(third.json().code, 'request.rate_limited');
    } finally {
      await limited.close();
    }
  });
});

describe('the cookie behind a TLS-terminating proxy', () => {
  it('is marked Secure when the request came over https', async () => {
    const proxied = await startTestApp({ clock, server: { trustProxy: true } });
    try {
      await createStaffUser(proxied.deps, systemActor, { email: 'tls@aduan.test', name: 'TLS', password, unitId, roles: ['intake'] });
      const response = await proxied.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'x-forwarded-proto': 'https' }, payload: { email: 'tls@aduan.test', password } });
      assert.equal(response.statusCode, 200, response.body);
      assert.match(String(response.headers['set-cookie']), /; HttpOnly; SameSite=Strict; Secure$/);
    } finally {
      await proxied.close();
    }
  });
});
