import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { systemActor } from '../../../app/admin/admin-actor.js';
import { createStaffUser } from '../../../app/admin/create-staff-user.js';
import { fixedClock, startTestApp, type TestApp } from '../../../../test/support/test-app.js';

const clock = fixedClock(new Date('2026-03-02T02:00:00Z'));
const password = 'kata-sandi-cukup-panjang';
let t: TestApp;
let unitId: number;
let nextEmail = 0;

before(async () => {
  t = await startTestApp({ clock });
  unitId = (await t.deps.db.selectFrom('units').select('id').where('parentId', 'is', null).executeTakeFirstOrThrow()).id;
});
after(() => t.close());

async function aSession(): Promise<Record<string, string>> {
  nextEmail += 1;
  const email = `api${nextEmail}@aduan.test`;
  await createStaffUser(t.deps, systemActor, { email, name: `Integrasi ${nextEmail}`, password, unitId, roles: ['handler'] });
  const { token } = (await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } })).json();
  return { authorization: `Bearer ${token}` };
}

describe('API tokens', () => {
  it('creates one shown once, lists it without the secret, and refuses it once revoked', async () => {
    const session = await aSession();
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/auth/tokens', headers: session, payload: { name: 'Dasbor kantor', expiresInDays: 30 } });
    assert.equal(created.statusCode, 201, created.body);
    const { id, token, expiresAt } = created.json();
    assert.match(token, /^aduan_/);
    assert.equal(expiresAt, new Date(clock.now().getTime() + 30 * 86_400_000).toISOString());

    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${token}` } });
    assert.equal(me.statusCode, 200, 'the API token signs its client in');

    const list = await t.app.inject({ method: 'GET', url: '/api/v1/auth/tokens', headers: session });
    assert.equal(list.statusCode, 200);
    assert.deepEqual(list.json().items, [{ id, name: 'Dasbor kantor', createdAt: clock.now().toISOString(), expiresAt, lastUsedAt: clock.now().toISOString() }]);
    assert.ok(!list.body.includes(token.slice(6)));
    const stored = await sql<{ dump: string }>`select string_agg(row_to_json(s)::text, '|') as dump from staff_tokens s`.execute(t.database.db);
    assert.ok(!(stored.rows[0]?.dump ?? '').includes(token.slice(6)), 'only a hash is stored');

    const revoked = await t.app.inject({ method: 'DELETE', url: `/api/v1/auth/tokens/${id}`, headers: session });
    assert.equal(revoked.statusCode, 204);
    const refused = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${token}` } });
    assert.equal(refused.statusCode, 401);
    assert.deepEqual((await t.app.inject({ method: 'GET', url: '/api/v1/auth/tokens', headers: session })).json().items, []);
  });

  it('updates last use at most once a minute', async () => {
    const session = await aSession();
    const { id, token } = (await t.app.inject({ method: 'POST', url: '/api/v1/auth/tokens', headers: session, payload: { name: 'Skrip' } })).json();
    const lastUsed = async () => (await t.deps.db.selectFrom('staffTokens').select('lastUsedAt').where('id', '=', id).executeTakeFirstOrThrow()).lastUsedAt?.toISOString();
    const start = clock.now();
    try {
      await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${token}` } });
      assert.equal(await lastUsed(), start.toISOString());
      clock.advanceMs(59_000);
      await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${token}` } });
      assert.equal(await lastUsed(), start.toISOString());
      clock.advanceMs(1_000);
      await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${token}` } });
      assert.equal(await lastUsed(), clock.now().toISOString());
    } finally {
      clock.set(start);
    }
  });

  it("answers 404 for someone else's token and leaves it working", async () => {
    const owner = await aSession();
    const other = await aSession();
    const { id, token } = (await t.app.inject({ method: 'POST', url: '/api/v1/auth/tokens', headers: owner, payload: { name: 'Milik sendiri' } })).json();
    const attempt = await t.app.inject({ method: 'DELETE', url: `/api/v1/auth/tokens/${id}`, headers: other });
    assert.equal(attempt.statusCode, 404);
    assert.equal(attempt.json().code, 'auth.token_not_found');
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${token}` } })).statusCode, 200);
  });

  it('needs a signed-in caller', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/tokens', payload: { name: 'x' } });
    assert.equal(response.statusCode, 401);
    assert.equal(response.headers['content-type'], 'application/problem+json; charset=utf-8');
  });
});
