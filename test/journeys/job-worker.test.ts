// The worker's durable queue (pg-boss on the same database) and the relay with several
// workers at once: a queued job outlives the process that queued it, and every mail is
// sent exactly once however many relays race for it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Kysely, PostgresDialect, CamelCasePlugin } from 'kysely';
import pg from 'pg';
import PgBoss from 'pg-boss';
import { createCaches } from '../../src/app/caches.js';
import type { AppDeps } from '../../src/app/deps.js';
import type { Mailer } from '../../src/app/notifications/mailer.js';
import { relayOutbox, defaultRelaySettings } from '../../src/app/notifications/relay-outbox.js';
import { createSmtpMailer } from '../../src/app/notifications/smtp-mailer.js';
import { submitComplaint } from '../../src/app/intake/submit-complaint.js';
import { jobQueueOptions, startWorker, type RunningWorker } from '../../src/jobs/worker.js';
import type { Database } from '../../src/store/schema.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { startSmtpTestServer, type SmtpTestServer } from './smtp-test-server.js';

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
let t: TestApp;
let smtp: SmtpTestServer;
let mailer: Mailer;
let deps: AppDeps;
let bossSchema = 'pgboss';
const workers: RunningWorker[] = [];
const pools: Kysely<Database>[] = [];

before(async () => {
  t = await startTestApp();
  smtp = await startSmtpTestServer();
  mailer = createSmtpMailer({ host: '127.0.0.1', port: smtp.port, secure: false, user: undefined, password: undefined, from: 'aduan@aduan.test' }, { timeoutMs: 2000 });
  deps = { ...t.deps, mailer };
  // On a shared PostgreSQL server each test file keeps its queue in a schema of its own.
  if (t.database.schema) bossSchema = `${t.database.schema}_boss`;
});
after(async () => {
  for (const worker of workers) await worker.stop();
  for (const pool of pools) await pool.destroy();
  mailer.close();
  await smtp.close();
  if (t.database.schema) {
    const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await client.connect();
    await client.query(`drop schema if exists ${bossSchema} cascade`);
    await client.end();
  }
  await t.close();
});

async function submitWithEmail(email: string) {
  return submitComplaint(deps, {
    title: 'Jalan rusak', description: 'Jalan di depan pasar berlubang besar.', channel: 'web', submittedBy: { kind: 'public' },
    identity: { mode: 'identified', name: 'Pelapor', email }, locale: 'id', attachments: [], identityDocuments: [],
    facts: { what: 'Lubang', where: 'Pasar', when: 'Kemarin', who: '-', how: '-' },
  });
}

/** Another connection pool to the same database, as a second process would have. */
function secondPool(): Kysely<Database> {
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool(t.database.connection) }), plugins: [new CamelCasePlugin()] });
  pools.push(db);
  return db;
}

async function waitUntil(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolveDelay) => setTimeout(resolveDelay, 50));
  }
}

describe('the job queue', () => {
  it('runs a job queued by a process that then stopped, in a new worker instance', { timeout: 30_000 }, async () => {
    const submitted = await submitWithEmail('restart@example.org');
    // A first process queues a relay run and stops before any worker takes it.
    const first = new PgBoss(jobQueueOptions(t.database.connection, t.database.exclusivePool, bossSchema));
    first.on('error', () => undefined);
    await first.start();
    await first.createQueue('outbox-relay', { name: 'outbox-relay', policy: 'singleton' });
    const jobId = await first.send('outbox-relay', {});
    assert.ok(jobId);
    await first.stop({ graceful: true, wait: true, close: true });

    const worker = await startWorker({ deps, connection: t.database.connection, exclusivePool: t.database.exclusivePool, log: silent, bossSchema, relayIntervalMs: 0, pollingIntervalSeconds: 0.5 });
    workers.push(worker);
    await waitUntil(async () => (await worker.boss.getJobById('outbox-relay', jobId))?.state === 'completed', 20_000, 'the queued job to complete');
    const mails = await smtp.waitForMails(1);
    assert.deepEqual(mails.map((mail) => mail.to).flat(), ['restart@example.org']);
    assert.match(mails[0]?.parsed.subject ?? '', new RegExp(submitted.registerNumber));
    const schedules = await worker.boss.getSchedules();
    assert.ok(schedules.some((schedule) => schedule.name === 'outbox-relay' && schedule.cron === '* * * * *'), 'and the relay is scheduled every minute');
    await worker.stop();
    workers.pop();
  });
});

// PostgreSQL only: on the embedded database every connection shares PGlite's one backend,
// and pglite-socket 0.2.17 was seen to mix up concurrent transactions and queries of
// different connections ("unnamed prepared statement does not exist", empty results); one
// process with one worker is the supported embedded set-up (see README, "Worker and mail").
const onPostgres = process.env.TEST_DATABASE_URL ? false : 'needs TEST_DATABASE_URL (several relays race only on PostgreSQL)';

describe('several relays at once', { skip: onPostgres }, () => {
  it('send each of forty mails exactly once when two relays on two connection pools race', { timeout: 30_000 }, async () => {
    const before = smtp.mails.length;
    const addresses = Array.from({ length: 40 }, (_, index) => `race${index}@example.org`);
    for (const address of addresses) await submitWithEmail(address);
    const other = { ...deps, db: secondPool(), caches: createCaches() };
    const settings = { ...defaultRelaySettings, batchSize: 3 };
    const reports = await Promise.all([relayOutbox(deps, settings), relayOutbox(other, settings), relayOutbox(deps, settings), relayOutbox(other, settings)]);
    const pending = await deps.db.selectFrom('outbox').select(['id', 'attempts', 'lastError', 'outcome']).where('outcome', 'is', null).execute();
    assert.deepEqual(pending, [], JSON.stringify(reports));
    await smtp.waitForMails(before + 40);
    await new Promise((resolveDelay) => setTimeout(resolveDelay, 200));
    const received = smtp.mails.slice(before).flatMap((mail) => mail.to).sort();
    assert.deepEqual(received, [...addresses].sort());
  });

  it('start four workers at the same moment on a database without a job queue yet', { timeout: 30_000 }, async () => {
    const raceSchema = `${bossSchema}_race`;
    const started = await Promise.all(Array.from({ length: 4 }, () => startWorker({ deps, connection: t.database.connection, exclusivePool: t.database.exclusivePool, log: silent, bossSchema: raceSchema, relayIntervalMs: 0 })));
    try {
      assert.ok((await started[0]?.boss.getQueue('outbox-relay')) !== null);
    } finally {
      for (const worker of started) await worker.stop();
      const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await client.connect();
      await client.query(`drop schema if exists ${raceSchema} cascade`);
      await client.end();
    }
  });

  it('on PostgreSQL, two worker processes send each mail exactly once', { timeout: 30_000 }, async () => {
    const before = smtp.mails.length;
    const addresses = Array.from({ length: 30 }, (_, index) => `pair${index}@example.org`);
    const a = await startWorker({ deps, connection: t.database.connection, exclusivePool: t.database.exclusivePool, log: silent, bossSchema, relayIntervalMs: 20, pollingIntervalSeconds: 0.5 });
    workers.push(a);
    const b = await startWorker({ deps: { ...deps, db: secondPool(), caches: createCaches() }, connection: t.database.connection, log: silent, bossSchema, relayIntervalMs: 20, pollingIntervalSeconds: 0.5 });
    workers.push(b);
    for (const address of addresses) await submitWithEmail(address);
    // A scheduled run queued by hand lands on whichever worker polls first, beside both intervals.
    await a.boss.send('outbox-relay', {});
    await smtp.waitForMails(before + addresses.length, 20_000);
    await new Promise((resolveDelay) => setTimeout(resolveDelay, 500));
    const received = smtp.mails.slice(before).flatMap((mail) => mail.to).sort();
    assert.deepEqual(received, [...addresses].sort());
  });
});
