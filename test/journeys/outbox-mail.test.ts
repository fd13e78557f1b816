// The outbox relay against a real SMTP server on loopback: what reporters and staff receive,
// that a rolled-back change sends nothing, and that mail survives the server being down.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import type { AppDeps } from '../../src/app/deps.js';
import { createSmtpMailer } from '../../src/app/notifications/smtp-mailer.js';
import { relayOutbox, type RelaySettings } from '../../src/app/notifications/relay-outbox.js';
import type { Mailer } from '../../src/app/notifications/mailer.js';
import { caseDriver } from '../support/case-driver.js';
import { aStaffMember, aUnit, rootUnitId } from '../support/staff.js';
import { fixedClock, startTestApp, type TestApp } from '../support/test-app.js';
import { freePort } from '../support/server-process.js';
import { startSmtpTestServer, type SmtpTestServer } from './smtp-test-server.js';

type Staff = Awaited<ReturnType<typeof aStaffMember>>;

const clock = fixedClock(new Date('2026-03-02T02:00:00Z'));
const settings: RelaySettings = { batchSize: 5, maxAttempts: 4, leaseMs: 5 * 60_000, firstRetryMs: 30_000, maxRetryMs: 10 * 60_000 };
let t: TestApp;
let smtp: SmtpTestServer;
let mailer: Mailer;
let deps: AppDeps;
let coordinator: Staff;
let rootHead: Staff;
let handler: Staff;
let division = 0;

function smtpMailer(port: number): Mailer {
  return createSmtpMailer({ host: '127.0.0.1', port, secure: false, user: undefined, password: undefined, from: 'Aduan <aduan@aduan.test>' }, { timeoutMs: 2000 });
}

before(async () => {
  t = await startTestApp({ clock });
  smtp = await startSmtpTestServer();
  mailer = smtpMailer(smtp.port);
  deps = { ...t.deps, mailer };
  const root = await rootUnitId(t);
  division = await aUnit(t, { code: 'DIV', parentId: root });
  coordinator = await aStaffMember(t, { unitId: root, roles: ['coordinator'] });
  rootHead = await aStaffMember(t, { unitId: root, roles: ['head'] });
  handler = await aStaffMember(t, { unitId: division, roles: ['handler'], name: 'Penangan' });
});
after(async () => {
  mailer.close();
  await smtp.close();
  await t.close();
});

const { submit, act, actOk } = caseDriver(() => t);

function identified(email: string, locale: 'id' | 'en' = 'id') {
  return { locale, identity: { mode: 'identified', name: 'Siti Aminah', email, address: 'Jl. Melati 5' } };
}

async function outboxOf(complaintId: string, recipientKind?: 'reporter' | 'staff') {
  const rows = await t.deps.db.selectFrom('outbox').selectAll().where('complaintId', '=', complaintId).orderBy('id').execute();
  return rows.filter((row) => recipientKind === undefined || (row.recipient as { kind: string }).kind === recipientKind);
}

function mailsTo(address: string) {
  return smtp.mails.filter((mail) => mail.to.includes(address));
}

describe('the outbox relay sends real mail', () => {
  it('tells an English-speaking reporter in English, by register number, without the tracking code', async () => {
    const submitted = await submit(identified('reporter.en@example.org', 'en'));
    const before = smtp.mails.length;
    const report = await relayOutbox(deps, settings);
    assert.equal(report.delivered.sent, 2, "the reporter's receipt, and the coordinator's notice of a new complaint");
    await smtp.waitForMails(before + 2);
    const [mail] = mailsTo('reporter.en@example.org');
    assert.ok(mail);
    assert.deepEqual(mail.to, ['reporter.en@example.org']);
    assert.equal(mail.parsed.subject, `We have received your complaint (${submitted.registerNumber})`);
    assert.match(mail.parsed.text ?? '', /open the tracking page http:\/\/aduan\.test\/lacak/);
    assert.match(String(mail.parsed.html), /<a href="http:\/\/aduan.test\/lacak">/);
    assert.ok(!(mail.parsed.text ?? '').includes(submitted.trackingCode), 'never the tracking code');
    const [row] = await outboxOf(submitted.id, 'reporter');
    assert.equal(row?.outcome, 'sent');
    assert.ok(row?.sentAt);
    assert.ok(!JSON.stringify(row).includes('reporter.en@example.org'), 'no address in the outbox row');
  });

  it('tells an Indonesian reporter in Indonesian, and the assigned handler in Indonesian without identity or tracking code', async () => {
    const submitted = await submit(identified('siti@example.org'));
    await actOk(coordinator, submitted.id, 'verify', { result: 'indicated', note: 'Ada indikasi' });
    await actOk(coordinator, submitted.id, 'triage', { category: 'service.time', urgency: 2, impact: 3 });
    await actOk(rootHead, submitted.id, 'assign', { unitId: division, handlerId: handler.id, instructions: 'Periksa' });
    const before = smtp.mails.length;
    await relayOutbox(deps, settings);
    const rows = await outboxOf(submitted.id);
    assert.ok(rows.length >= 3);
    assert.ok(rows.every((row) => row.sentAt !== null && row.outcome === 'sent'), JSON.stringify(rows.map((row) => [row.template, row.outcome, row.lastError])));
    await smtp.waitForMails(before + rows.length);

    const toReporter = mailsTo('siti@example.org');
    assert.ok(toReporter.some((mail) => mail.parsed.subject === `Pengaduan Anda telah diterima (${submitted.registerNumber})`));
    assert.ok(toReporter.some((mail) => /^Status pengaduan Anda: (Terverifikasi|Didisposisikan)/.test(mail.parsed.subject ?? '')));
    assert.ok(toReporter.every((mail) => /halaman lacak pengaduan/.test(mail.parsed.text ?? '')));

    const toHandler = mailsTo(handler.email);
    assert.equal(toHandler.length, 1);
    const staffMail = toHandler[0]?.parsed;
    assert.equal(staffMail?.subject, `Pengaduan ${submitted.registerNumber} didisposisikan kepada Anda`);
    for (const secret of [submitted.trackingCode, 'Siti', 'siti@example.org', 'Melati']) {
      assert.ok(!(staffMail?.text ?? '').includes(secret) && !String(staffMail?.html).includes(secret), `staff mail must not contain ${secret}`);
    }
  });

  it('lists the handler their in-app notification, newest first, and marks it read', async () => {
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/notifications', headers: { authorization: handler.authorization } });
    assert.equal(list.statusCode, 200, list.body);
    const body = list.json() as { unreadCount: number; items: { id: number; template: string; registerNumber: string; readAt: string | null }[] };
    assert.equal(body.unreadCount, 1);
    assert.equal(body.items[0]?.template, 'case.assigned_to_you');
    const id = body.items[0]?.id ?? 0;

    const strangers = await t.app.inject({ method: 'POST', url: `/api/v1/notifications/${id}/read`, headers: { authorization: coordinator.authorization } });
    assert.equal(strangers.statusCode, 404, 'someone else cannot mark it');
    const read = await t.app.inject({ method: 'POST', url: `/api/v1/notifications/${id}/read`, headers: { authorization: handler.authorization } });
    assert.equal(read.statusCode, 204, read.body);
    const again = (await t.app.inject({ method: 'GET', url: '/api/v1/notifications', headers: { authorization: handler.authorization } })).json() as typeof body;
    assert.equal(again.unreadCount, 0);
    assert.ok(again.items[0]?.readAt);
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/v1/notifications' });
    assert.equal(anonymous.statusCode, 401);
  });

  it('marks a message to a reporter without an email address done as no_address, not failed', async () => {
    const submitted = await submit({ identity: { mode: 'identified', name: 'Budi', phone: '081234567890' } });
    await actOk(coordinator, submitted.id, 'verify', { result: 'indicated', note: 'Ada indikasi' });
    const before = smtp.mails.length;
    const report = await relayOutbox(deps, settings);
    assert.ok(report.delivered.no_address >= 1);
    const rows = await outboxOf(submitted.id, 'reporter');
    assert.ok(rows.length >= 1 && rows.every((row) => row.outcome === 'no_address' && row.sentAt !== null));
    assert.ok(smtp.mails.slice(before).every((mail) => mail.to.includes(coordinator.email)), "no mail but the coordinator's notice of the new complaint");
  });
});

describe('nothing is sent for a rolled-back change', () => {
  it('sends no mail when the transaction that wrote the outbox row fails to commit', async () => {
    const submitted = await submit(identified('rollback@example.org'));
    await relayOutbox(deps, settings);
    const rowsBefore = (await outboxOf(submitted.id)).length;
    const mailsBefore = smtp.mails.length;
    // A deferred constraint trigger fails the commit itself: the use case has already written
    // its events and its outbox row when the database refuses the transaction.
    await sql`create function refuse_commit() returns trigger language plpgsql as $$ begin raise exception 'commit refused for the test'; end; $$`.execute(t.deps.db);
    await sql`create constraint trigger refuse_commit after insert on outbox deferrable initially deferred for each row execute function refuse_commit()`.execute(t.deps.db);
    try {
      const refused = await act(coordinator, submitted.id, 'verify', { result: 'indicated', note: 'Ada indikasi' });
      assert.equal(refused.statusCode, 500, refused.body);
    } finally {
      await sql`drop trigger refuse_commit on outbox`.execute(t.deps.db);
      await sql`drop function refuse_commit()`.execute(t.deps.db);
    }
    // And a refused action (not allowed in this state) writes nothing either.
    const notAllowed = await act(handler, submitted.id, 'start');
    assert.ok(notAllowed.statusCode >= 400 && notAllowed.statusCode < 500, notAllowed.body);

    clock.advanceMs(60 * 60_000);
    await relayOutbox(deps, settings);
    assert.equal((await outboxOf(submitted.id)).length, rowsBefore, 'no outbox row survived the rollback');
    assert.equal(smtp.mails.length, mailsBefore, 'and no mail left');
    const events = await t.deps.db.selectFrom('caseEvents').select('type').where('complaintId', '=', submitted.id).execute();
    assert.deepEqual(events.map((event) => event.type), ['complaint.submitted']);
  });
});

describe('while the mail server is down', () => {
  it('retries with doubling back-off and delivers every mail once when it is back', async () => {
    const port = await freePort();
    const downMailer = smtpMailer(port);
    const downDeps = { ...deps, mailer: downMailer };
    try {
      const submitted = await Promise.all([1, 2, 3].map((n) => submit(identified(`down${n}@example.org`))));
      const ids = submitted.map((complaint) => complaint.id);
      // The coordinator's notices of the three new complaints wait for the mail server too.
      const rows = async () => t.deps.db.selectFrom('outbox').selectAll().where('complaintId', 'in', ids).orderBy('id').execute();

      const first = await relayOutbox(downDeps, settings);
      assert.equal(first.retrying, 6);
      const afterFirst = await rows();
      const start = clock.now().getTime();
      for (const row of afterFirst) {
        assert.equal(row.attempts, 1);
        assert.equal(row.sentAt, null);
        assert.equal(row.nextAttemptAt.getTime() - start, 30_000, 'first retry after 30 s');
        assert.match(row.lastError ?? '', /ECONNREFUSED/);
      }

      clock.advanceMs(10_000);
      assert.equal((await relayOutbox(downDeps, settings)).retrying, 0, 'not due yet: nothing is tried');
      clock.advanceMs(21_000);
      assert.equal((await relayOutbox(downDeps, settings)).retrying, 6);
      const now = clock.now().getTime();
      for (const row of await rows()) {
        assert.equal(row.attempts, 2);
        assert.equal(row.nextAttemptAt.getTime() - now, 60_000, 'the second wait is twice the first');
      }

      // The mail server comes back on the same port.
      const back = await startSmtpTestServer(port);
      try {
        clock.advanceMs(60_000);
        const report = await relayOutbox(downDeps, settings);
        assert.equal(report.delivered.sent, 6);
        await back.waitForMails(6);
        clock.advanceMs(24 * 60 * 60_000);
        await relayOutbox(downDeps, settings);
        await new Promise((resolveDelay) => setTimeout(resolveDelay, 200));
        assert.deepEqual(back.mails.flatMap((mail) => mail.to).filter((to) => to !== coordinator.email).sort(), ['down1@example.org', 'down2@example.org', 'down3@example.org'], 'each once');
        assert.equal(back.mails.filter((mail) => mail.to.includes(coordinator.email)).length, 3);
        assert.ok((await rows()).every((row) => row.outcome === 'sent' && row.attempts === 3));
      } finally {
        await back.close();
      }
    } finally {
      downMailer.close();
    }
  });

  it('gives up after the last attempt, keeps the reason without the address, and shows it to administrators', async () => {
    const port = await freePort();
    const downMailer = smtpMailer(port);
    try {
      const submitted = await submit(identified('never@example.org'));
      for (let attempt = 1; attempt <= settings.maxAttempts; attempt += 1) {
        await relayOutbox({ ...deps, mailer: downMailer }, settings);
        clock.advanceMs(settings.maxRetryMs);
      }
      const [row] = await outboxOf(submitted.id, 'reporter');
      assert.equal(row?.outcome, 'failed');
      assert.equal(row?.attempts, settings.maxAttempts);
      assert.equal(row?.sentAt, null);
      assert.ok(row?.lastError && !row.lastError.includes('never@example.org'));

      // Sessions expire as the clock moves on: sign in now.
      const admin = await aStaffMember(t, { unitId: await rootUnitId(t), roles: ['admin'] });
      const notAdmin = await aStaffMember(t, { unitId: division, roles: ['handler'] });
      const listed = await t.app.inject({ method: 'GET', url: '/api/v1/admin/jobs/failed', headers: { authorization: admin.authorization } });
      assert.equal(listed.statusCode, 200, listed.body);
      const body = listed.json() as { outbox: { complaintId: string; recipientKind: string; lastError: string }[]; queue: unknown[] };
      const failed = body.outbox.find((item) => item.complaintId === submitted.id && item.recipientKind === 'reporter');
      assert.equal(failed?.recipientKind, 'reporter');
      assert.match(failed?.lastError ?? '', /ECONNREFUSED/);
      assert.ok(!listed.body.includes('never@example.org'));
      const forbidden = await t.app.inject({ method: 'GET', url: '/api/v1/admin/jobs/failed', headers: { authorization: notAdmin.authorization } });
      assert.equal(forbidden.statusCode, 403);
    } finally {
      downMailer.close();
    }
  });
});
