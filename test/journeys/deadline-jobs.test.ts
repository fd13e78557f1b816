// Service-level jobs with several workers on one PostgreSQL database: every reminder and
// every escalation reaches its recipients exactly once, however many workers race for it.
// PostgreSQL only: on the embedded database one process runs one worker (README, "Worker and mail").
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CamelCasePlugin, Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { createCaches } from '../../src/app/caches.js';
import type { AppDeps } from '../../src/app/deps.js';
import { submitComplaint } from '../../src/app/intake/submit-complaint.js';
import type { Mailer } from '../../src/app/notifications/mailer.js';
import { createSmtpMailer } from '../../src/app/notifications/smtp-mailer.js';
import { escalateMissedDeadlines } from '../../src/app/case-sweeps/escalate-missed-deadlines.js';
import { sendDeadlineReminders } from '../../src/app/case-sweeps/send-deadline-reminders.js';
import { startWorker, type RunningWorker } from '../../src/jobs/worker.js';
import type { Database } from '../../src/store/schema.js';
import type { MessageTemplate } from '../../src/domain/notifications/templates.js';
import { aStaffMember, rootUnitId } from '../support/staff.js';
import { fixedClock, startTestApp, type TestApp } from '../support/test-app.js';
import { startSmtpTestServer, type SmtpTestServer } from './smtp-test-server.js';

const onPostgres = process.env.TEST_DATABASE_URL ? false : 'needs TEST_DATABASE_URL (workers race only on PostgreSQL)';
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
const MINUTE_MS = 60_000;
/** 09:00 WIB on Monday 6 April 2026. */
const start = new Date('2026-04-06T02:00:00Z');
const clock = fixedClock(start);

let t: TestApp;
let smtp: SmtpTestServer;
let mailer: Mailer;
let deps: AppDeps;
let other: AppDeps;
let bossSchema = 'pgboss';
let coordinator: Awaited<ReturnType<typeof aStaffMember>>;
let intakeId = 0;
const workers: RunningWorker[] = [];
const pools: Kysely<Database>[] = [];

describe('service-level jobs with two workers', { skip: onPostgres }, () => {
  before(async () => {
    t = await startTestApp({ clock });
    smtp = await startSmtpTestServer();
    mailer = createSmtpMailer({ host: '127.0.0.1', port: smtp.port, secure: false, user: undefined, password: undefined, from: 'aduan@aduan.test' }, { timeoutMs: 2000 });
    deps = { ...t.deps, mailer };
    // Another connection pool to the same database, and caches of its own, as a second process would have.
    const second = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool(t.database.connection) }), plugins: [new CamelCasePlugin()] });
    pools.push(second);
    other = { ...deps, db: second, caches: createCaches() };
    if (t.database.schema) bossSchema = `${t.database.schema}_boss`;
    const root = await rootUnitId(t);
    coordinator = await aStaffMember(t, { unitId: root, roles: ['coordinator'] });
    await aStaffMember(t, { unitId: root, roles: ['head'] }); // hears of the escalations
    intakeId = (await aStaffMember(t, { unitId: root, roles: ['intake'] })).id;
  });
  after(async () => {
    for (const worker of workers) await worker.stop();
    for (const pool of pools) await pool.destroy();
    mailer?.close();
    await smtp?.close();
    if (t?.database.schema) {
      const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await client.connect();
      await client.query(`drop schema if exists ${bossSchema} cascade`);
      await client.end();
    }
    await t?.close();
  });

  /** Walk-in complaints recorded now: verification and response are due in 30 minutes. */
  async function walkIns(count: number): Promise<{ id: string; registerNumber: string }[]> {
    const ids: { id: string; registerNumber: string }[] = [];
    for (let index = 0; index < count; index++) {
      const submitted = await submitComplaint(deps, {
        title: `Antrean loket ${index}`, description: 'Antrean terlalu lama.', channel: 'walk_in', receivedAt: clock.now(),
        submittedBy: { kind: 'staff', officer: { kind: 'staff', userId: intakeId, unitId: 1, roles: ['intake'], teamIds: [] } }, identity: { mode: 'identified', name: 'Pelapor', phone: '0812' },
        facts: { what: 'Antrean', where: 'Loket', when: 'Pagi ini', who: '-', how: '-' }, attachments: [], identityDocuments: [],
      });
      ids.push({ id: submitted.id, registerNumber: submitted.registerNumber });
    }
    return ids;
  }

  async function countRows(table: 'deadlineReminders' | 'outbox', template?: MessageTemplate): Promise<number> {
    let query = t.deps.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n'));
    if (template !== undefined && table === 'outbox') query = query.where('template', '=', template);
    return Number((await query.executeTakeFirstOrThrow()).n);
  }

  it('records and queues each reminder and escalation once when four sweeps race on two pools', { timeout: 60_000 }, async () => {
    clock.set(start);
    const cases = await walkIns(15);
    clock.set(new Date(start.getTime() + 25 * MINUTE_MS)); // past 50% and 80% at once: one mail per deadline, the 80% one
    const reminded = await Promise.all([sendDeadlineReminders(deps), sendDeadlineReminders(other), sendDeadlineReminders(deps), sendDeadlineReminders(other)]);
    assert.equal(reminded.reduce((sum, report) => sum + report.done, 0), cases.length, JSON.stringify(reminded));
    assert.equal(await countRows('deadlineReminders'), cases.length * 2 * 2, '50% and 80% of verification and response, recorded once each');
    assert.equal(await countRows('outbox', 'deadline.reminder'), cases.length * 2, 'one mail per deadline');

    clock.set(new Date(start.getTime() + 31 * MINUTE_MS));
    const escalated = await Promise.all([escalateMissedDeadlines(deps), escalateMissedDeadlines(other), escalateMissedDeadlines(other), escalateMissedDeadlines(deps)]);
    assert.equal(escalated.reduce((sum, report) => sum + report.done, 0), cases.length, JSON.stringify(escalated));
    const events = await t.deps.db.selectFrom('caseEvents').select(['complaintId', 'data']).where('type', '=', 'case.deadline_missed').execute();
    assert.equal(events.length, cases.length * 2);
    assert.equal(new Set(events.map((event) => `${event.complaintId}:${(event.data as { kind: string }).kind}`)).size, cases.length * 2, 'no deadline escalated twice');
    assert.equal(await countRows('outbox', 'deadline.missed'), cases.length * 2);
    const audit = await t.app.inject({ method: 'GET', url: `/api/v1/complaints/${cases[0]?.id}/audit`, headers: { authorization: coordinator.authorization } });
    assert.equal(audit.json().isIntact, true, 'the system’s events keep the hash chain intact');
  });

  it('on PostgreSQL, two worker processes send each reminder mail exactly once', { timeout: 60_000 }, async () => {
    clock.set(new Date(start.getTime() + 60 * MINUTE_MS));
    const before = smtp.mails.length;
    const remindersBefore = await countRows('outbox', 'deadline.reminder');
    const cases = await walkIns(10);
    clock.set(new Date(clock.now().getTime() + 16 * MINUTE_MS)); // past 50% of verification and response
    const a = await startWorker({ deps, connection: t.database.connection, log: silent, bossSchema, relayIntervalMs: 20, pollingIntervalSeconds: 0.5 });
    workers.push(a);
    const b = await startWorker({ deps: other, connection: t.database.connection, log: silent, bossSchema, relayIntervalMs: 20, pollingIntervalSeconds: 0.5 });
    workers.push(b);
    // Scheduled runs queued by hand land on whichever worker polls first; more than one may run.
    await Promise.all([a.boss.send('deadline-sweep', {}), b.boss.send('deadline-sweep', {})]);
    const expected = cases.length * 2;
    const deadline = Date.now() + 30_000;
    while ((await countRows('outbox', 'deadline.reminder')) < remindersBefore + expected) {
      if (Date.now() > deadline) throw new Error('the sweep did not run');
      await new Promise((resolveDelay) => setTimeout(resolveDelay, 100));
    }
    // Both workers run their own sweeps too (cron every minute) and relay every 20 ms: give them time to double anything.
    await Promise.all([a.boss.send('deadline-sweep', {}), b.boss.send('deadline-sweep', {})]);
    // The relays also deliver what the first test queued, and the coordinator's notices of the
    // new cases; these cases' reminders are the ones counted.
    const ours = () => smtp.mails.slice(before).filter((mail) => mail.parsed.subject?.startsWith('Pengingat:') && cases.some((submitted) => mail.parsed.subject?.includes(submitted.registerNumber)));
    const mailDeadline = Date.now() + 30_000;
    while (ours().length < expected && Date.now() < mailDeadline) await new Promise((resolveDelay) => setTimeout(resolveDelay, 100));
    await new Promise((resolveDelay) => setTimeout(resolveDelay, 1500));
    const mails = ours();
    assert.equal(mails.length, expected, mails.map((mail) => mail.parsed.subject).join('\n'));
    assert.deepEqual([...new Set(mails.flatMap((mail) => mail.to))], [coordinator.email]);
    assert.equal(new Set(mails.map((mail) => mail.parsed.subject)).size, expected, 'one per case and deadline');
  });
});
