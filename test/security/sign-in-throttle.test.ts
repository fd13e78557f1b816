import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { aStaffMember, rootUnitId, testPassword } from '../support/staff.js';
import { fixedClock, startTestApp, type TestApp } from '../support/test-app.js';

const clock = fixedClock(new Date('2026-03-02T02:00:00Z'));
const attacker = '203.0.113.9';
const owner = '198.51.100.7';
let t: TestApp;
let unitId: number;

before(async () => {
  t = await startTestApp({ clock, server: { limits: { submissionsPerHour: 10_000, trackingFailuresPer15Min: 10, signInsPerMinute: 10_000 } } });
  unitId = await rootUnitId(t);
});
after(() => t.close());

const login = (email: string, password: string, from: string, language = 'id') =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, remoteAddress: from, headers: { 'accept-language': language } });

/** Wrong passwords from one address until it is told to wait; answers each Retry-After in seconds. */
async function guessUntilThrottled(email: string, from: string): Promise<number> {
  for (let attempt = 1; attempt <= 20; attempt += 1) {
    const response = await login(email, `salah-${attempt}-kata-sandi`, from);
    if (response.statusCode === 429) return Number(response.headers['retry-after']);
    assert.equal(response.statusCode, 401, response.body);
  }
  assert.fail('never throttled');
}

describe('failed sign-ins', () => {
  it('do not lock the owner out when someone else guesses from elsewhere', async () => {
    const victim = await aStaffMember(t, { unitId, roles: ['coordinator'] });
    for (let attempt = 1; attempt <= 12; attempt += 1) await login(victim.email, `tebakan-${attempt}`, attacker);
    const response = await login(victim.email, testPassword, owner);
    assert.equal(response.statusCode, 200, response.body);
  });

  it('make the guessing pair wait, longer each time, with 429 problem details and Retry-After, even for the right password', async () => {
    const victim = await aStaffMember(t, { unitId, roles: ['handler'] });
    const start = clock.now();
    try {
      const firstWait = await guessUntilThrottled(victim.email, attacker);
      assert.ok(firstWait > 0);
      const blocked = await login(victim.email, testPassword, attacker, 'en');
      assert.equal(blocked.statusCode, 429);
      assert.match(String(blocked.headers['content-type']), /^application\/problem\+json/);
      assert.equal(blocked.json().code, 'auth.sign_in_throttled');
      assert.match(blocked.json().title, /wait/i);
      assert.equal(Number(blocked.headers['retry-after']), firstWait);

      clock.advanceMs(firstWait * 1000);
      assert.equal((await login(victim.email, 'masih-salah-lagi', attacker)).statusCode, 401);
      const secondWait = Number((await login(victim.email, 'masih-salah-lagi', attacker)).headers['retry-after']);
      assert.ok(secondWait > firstWait, `${secondWait} > ${firstWait}`);

      clock.advanceMs(secondWait * 1000);
      assert.equal((await login(victim.email, testPassword, attacker)).statusCode, 200, 'the right password once the wait is over');
      assert.equal((await login(victim.email, 'sekali-salah-lagi', attacker)).statusCode, 401, 'a success starts the count again');
    } finally {
      clock.set(start);
    }
  });

  it('throttle one address that tries many accounts, unknown ones included, without telling which exist', async () => {
    const sprayer = '192.0.2.44';
    const real = [await aStaffMember(t, { unitId, roles: ['intake'] }), await aStaffMember(t, { unitId, roles: ['intake'] })];
    let last = await login('tidak-ada-0@aduan.test', 'sandi-umum-2026', sprayer);
    for (let account = 1; account <= 60 && last.statusCode === 401; account += 1) {
      last = await login(account % 10 === 0 ? real[account % 20 === 0 ? 0 : 1]?.email ?? '' : `tidak-ada-${account}@aduan.test`, 'sandi-umum-2026', sprayer);
    }
    assert.equal(last.statusCode, 429, last.body);
    assert.equal(last.json().code, 'auth.sign_in_throttled');
    const fresh = await aStaffMember(t, { unitId, roles: ['intake'] });
    assert.equal((await login(fresh.email, testPassword, sprayer)).statusCode, 429, 'the address waits, whatever account it names');
    assert.equal((await login(fresh.email, testPassword, owner)).statusCode, 200, 'others are not held up');
  });

  it('keep no client address, only keyed hashes, and forget the pair once it signs in', async () => {
    const staff = await aStaffMember(t, { unitId, roles: ['handler'] });
    await login(staff.email, 'salah-satu-kali', '203.0.113.77');
    const dump = await sql<{ dump: string | null }>`select string_agg(row_to_json(s)::text, '|') as dump from sign_in_throttles s`.execute(t.database.db);
    assert.ok((dump.rows[0]?.dump ?? '').length > 0, 'the failure is counted');
    assert.ok(!(dump.rows[0]?.dump ?? '').includes('203.0.113'), 'no address in the table');
    assert.ok(!(dump.rows[0]?.dump ?? '').includes(staff.email), 'no email in the table');
    const before = Number((await sql<{ count: string }>`select count(*) as count from sign_in_throttles`.execute(t.database.db)).rows[0]?.count);
    assert.equal((await login(staff.email, testPassword, '203.0.113.77')).statusCode, 200);
    const afterwards = Number((await sql<{ count: string }>`select count(*) as count from sign_in_throttles`.execute(t.database.db)).rows[0]?.count);
    assert.equal(afterwards, before - 1);
  });

  it('are still counted on the account until it signs in', async () => {
    const staff = await aStaffMember(t, { unitId, roles: ['handler'] });
    await login(staff.email, 'salah-dari-sini', attacker);
    await login(staff.email, 'salah-dari-sana', owner);
    const failures = async () => (await t.deps.db.selectFrom('users').select('failedSignIns').where('id', '=', staff.id).executeTakeFirstOrThrow()).failedSignIns;
    assert.equal(await failures(), 2);
    assert.equal((await login(staff.email, testPassword, owner)).statusCode, 200);
    assert.equal(await failures(), 0);
  });
});
