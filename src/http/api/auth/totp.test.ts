import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { generate } from 'otplib';
import { systemActor } from '../../../app/admin/admin-actor.js';
import { createStaffUser } from '../../../app/admin/create-staff-user.js';
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

async function aStaffAccount(roles: ('admin' | 'coordinator' | 'head')[] = ['coordinator']) {
  nextEmail += 1;
  const email = `totp${nextEmail}@aduan.test`;
  await createStaffUser(t.deps, systemActor, { email, name: `Petugas ${nextEmail}`, password, unitId, roles });
  return email;
}

const codeAt = (secret: string, at: Date) => generate({ secret, epoch: Math.floor(at.getTime() / 1000) });
const login = (payload: Record<string, unknown>) => t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload });
const withToken = (token: string) => ({ authorization: `Bearer ${token}` });

/** Signs in, enrols and confirms; answers the secret and the recovery codes. */
async function enrolled(email: string): Promise<{ secret: string; recoveryCodes: string[] }> {
  const { token } = (await login({ email, password })).json();
  const enrol = await t.app.inject({ method: 'POST', url: '/api/v1/auth/totp/enrol', headers: withToken(token) });
  assert.equal(enrol.statusCode, 200, enrol.body);
  const { secret } = enrol.json();
  const confirm = await t.app.inject({ method: 'POST', url: '/api/v1/auth/totp/confirm', headers: withToken(token), payload: { code: await codeAt(secret, clock.now()) } });
  assert.equal(confirm.statusCode, 200, confirm.body);
  return { secret, recoveryCodes: confirm.json().recoveryCodes };
}

describe('TOTP second factor', () => {
  it('enrols with an otpauth URI, keeps the secret sealed, and is on only after a first valid code', async () => {
    const email = await aStaffAccount();
    const { token } = (await login({ email, password })).json();
    const enrol = (await t.app.inject({ method: 'POST', url: '/api/v1/auth/totp/enrol', headers: withToken(token) })).json();
    assert.match(enrol.secret, /^[A-Z2-7]{32}$/);
    assert.ok(enrol.otpauthUri.startsWith('otpauth://totp/Aduan:'), enrol.otpauthUri);
    assert.ok(enrol.otpauthUri.includes(`secret=${enrol.secret}`));
    const row = await t.deps.db.selectFrom('users').select(['totpSecretSealed', 'totpEnabledAt']).where('email', '=', email).executeTakeFirstOrThrow();
    assert.ok(row.totpSecretSealed && !row.totpSecretSealed.toString('latin1').includes(enrol.secret));
    assert.equal(row.totpEnabledAt, null);
    assert.equal((await login({ email, password })).statusCode, 200, 'no code needed before confirmation');

    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/auth/totp/confirm', headers: withToken(token), payload: { code: '000000' } });
    assert.equal(wrong.statusCode, 400);
    assert.deepEqual(wrong.json().errors.map((error: { pointer: string; code: string }) => [error.pointer, error.code]), [['/code', 'totp_invalid']]);
    const confirm = await t.app.inject({ method: 'POST', url: '/api/v1/auth/totp/confirm', headers: withToken(token), payload: { code: await codeAt(enrol.secret, clock.now()) } });
    assert.equal(confirm.statusCode, 200, confirm.body);
    const { recoveryCodes } = confirm.json();
    assert.equal(recoveryCodes.length, 10);
    for (const code of recoveryCodes) assert.match(code, /^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
    assert.equal(new Set(recoveryCodes).size, 10);
    const again = await t.app.inject({ method: 'POST', url: '/api/v1/auth/totp/enrol', headers: withToken(token) });
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().code, 'auth.totp_already_enabled');
  });

  it('then asks for the code at sign-in, accepts the right one and refuses a wrong one', async () => {
    const email = await aStaffAccount();
    const { secret } = await enrolled(email);
    const without = await login({ email, password });
    assert.equal(without.statusCode, 401);
    assert.equal(without.json().code, 'auth.totp_required');
    assert.equal(without.headers['set-cookie'], undefined);
    const wrong = await login({ email, password, totp: (Number(await codeAt(secret, clock.now())) + 1).toString().padStart(6, '0').slice(-6) });
    assert.equal(wrong.statusCode, 401);
    assert.equal(wrong.json().code, 'auth.totp_invalid');
    // Past the steps around the confirming code, which counts as used.
    clock.advanceMs(90_000);
    const right = await login({ email, password, totp: await codeAt(secret, new Date(clock.now().getTime() - 30_000)) });
    assert.equal(right.statusCode, 200, 'a code from the previous 30-second step still counts');
    const me = (await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: withToken(right.json().token) })).json();
    assert.equal(me.totpEnabled, true);
  });

  it('accepts a code once: the same code again is refused, and so is an older one, while the next step works', async () => {
    const email = await aStaffAccount();
    const { secret } = await enrolled(email);
    const confirmingCode = await codeAt(secret, clock.now());
    const reuseOfConfirmation = await login({ email, password, totp: confirmingCode });
    assert.equal(reuseOfConfirmation.statusCode, 401, 'the code that confirmed enrolment does not sign in');
    assert.equal(reuseOfConfirmation.json().code, 'auth.totp_invalid');

    clock.advanceMs(60_000);
    const code = await codeAt(secret, clock.now());
    const first = await login({ email, password, totp: code });
    assert.equal(first.statusCode, 200, first.body);
    const replay = await login({ email, password, totp: code });
    assert.equal(replay.statusCode, 401, 'the same code, still inside its window, is refused');
    assert.equal(replay.json().code, 'auth.totp_invalid');
    assert.equal(replay.headers['set-cookie'], undefined);
    const older = await login({ email, password, totp: await codeAt(secret, new Date(clock.now().getTime() - 30_000)) });
    assert.equal(older.statusCode, 401, 'a code of an earlier step than the one used is refused too');

    clock.advanceMs(30_000);
    const next = await login({ email, password, totp: await codeAt(secret, clock.now()) });
    assert.equal(next.statusCode, 200, "the next step's code works");
  });

  it('lets only one of two simultaneous sign-ins with the same code through', async () => {
    const email = await aStaffAccount();
    const { secret } = await enrolled(email);
    clock.advanceMs(60_000);
    const code = await codeAt(secret, clock.now());
    const answers = await Promise.all([login({ email, password, totp: code }), login({ email, password, totp: code })]);
    assert.deepEqual(answers.map((answer) => answer.statusCode).sort(), [200, 401]);
  });

  it('takes a recovery code instead, once', async () => {
    const email = await aStaffAccount();
    const { recoveryCodes } = await enrolled(email);
    const code = recoveryCodes[3] ?? '';
    assert.equal((await login({ email, password, totp: code.toLowerCase().replace('-', '') })).statusCode, 200);
    const second = await login({ email, password, totp: code });
    assert.equal(second.statusCode, 401);
    assert.equal(second.json().code, 'auth.totp_invalid');
    assert.equal((await login({ email, password, totp: recoveryCodes[4] })).statusCode, 200, 'the others still work');
  });

  it('lets a holder of a role marked as requiring TOTP sign in only to enrol', async () => {
    const admin = (await login({ email: await aStaffAccount(['admin']), password })).json().token;
    const set = await t.app.inject({ method: 'PUT', url: '/api/v1/admin/settings/totp-required-roles', headers: withToken(admin), payload: { roles: ['head'] } });
    assert.equal(set.statusCode, 200, set.body);
    try {
      const email = await aStaffAccount(['head']);
      const signedIn = await login({ email, password });
      assert.equal(signedIn.statusCode, 200);
      assert.equal(signedIn.json().totpEnrolmentRequired, true);
      const token = signedIn.json().token;
      const tokens = await t.app.inject({ method: 'GET', url: '/api/v1/auth/tokens', headers: withToken(token) });
      assert.equal(tokens.statusCode, 403);
      assert.equal(tokens.json().code, 'auth.totp_enrolment_required');
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: withToken(token) })).json().totpEnrolmentRequired, true);

      const { secret } = (await t.app.inject({ method: 'POST', url: '/api/v1/auth/totp/enrol', headers: withToken(token) })).json();
      const confirm = await t.app.inject({ method: 'POST', url: '/api/v1/auth/totp/confirm', headers: withToken(token), payload: { code: await codeAt(secret, clock.now()) } });
      assert.equal(confirm.statusCode, 200);
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/auth/tokens', headers: withToken(token) })).statusCode, 200, 'the same session works once TOTP is on');
    } finally {
      await t.app.inject({ method: 'PUT', url: '/api/v1/admin/settings/totp-required-roles', headers: withToken(admin), payload: { roles: [] } });
    }
  });
});
