// The whole HTTP application over a PostgreSQL address where nothing listens: what a client
// and a browser see while the database is down. Needs no database, so it runs in both suites.
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { createCaches } from '../app/caches.js';
import type { AppDeps } from '../app/deps.js';
import { createKeys } from '../app/keys.js';
import { offMailer } from '../app/notifications/mailer.js';
import { isDatabaseAlive, openDatabase } from '../store/database.js';
import { createDiskFileStore } from '../store/files/disk-file-store.js';
import { aComplaintBody } from '../../test/support/server-process-api.js';
import { freePort } from '../../test/support/server-process.js';
import { buildServer } from './server.js';
import { createUploadDir } from './shared/multipart.js';

/** The whole app over a database at `databaseUrl`, with deps that need no database of their own. */
async function appOver(databaseUrl: string): Promise<{ app: FastifyInstance; close(): Promise<void> }> {
  const database = await openDatabase({ databaseUrl, dataDir: tmpdir() });
  const filesDir = await mkdtemp(join(tmpdir(), 'aduan-files-'));
  const deps: AppDeps = {
    db: database.db,
    clock: { now: () => new Date() },
    random: { bytes: (count) => randomBytes(count), uuid: () => randomUUID() },
    keys: createKeys(Buffer.from('test-secret-key-which-is-long-enough-for-aduan')),
    files: await createDiskFileStore(filesDir),
    publicUrl: 'http://aduan.test',
    mailer: offMailer,
    caches: createCaches(),
  };
  const app = await buildServer(deps, {
    logger: false,
    trustProxy: false,
    limits: { submissionsPerHour: 10_000, trackingFailuresPer15Min: 10 },
    isHealthy: () => isDatabaseAlive(database.db),
    uploadDir: await createUploadDir(filesDir),
  });
  return {
    app,
    close: async () => {
      await app.close();
      await database.close();
      await rm(filesDir, { recursive: true, force: true });
    },
  };
}

let app: FastifyInstance;
let closeApp: () => Promise<void>;

before(async () => {
  ({ app, close: closeApp } = await appOver(`postgres://aduan@127.0.0.1:${await freePort()}/aduan`));
});
after(() => closeApp());

describe('while the database cannot be reached', () => {
  it('answers a submission 503 problem+json with Retry-After, in Indonesian by default', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/v1/complaints', payload: aComplaintBody() });
    assert.equal(response.statusCode, 503, response.body);
    assert.match(String(response.headers['content-type']), /^application\/problem\+json/);
    assert.equal(response.headers['retry-after'], '5');
    const body = response.json();
    assert.equal(body.code, 'server.unavailable');
    assert.equal(body.status, 503);
    assert.equal(body.title, 'Layanan sedang tidak tersedia');
    assert.equal(body.instance, '/api/v1/complaints');
    assert.doesNotMatch(response.body, /ECONNREFUSED|127\.0\.0\.1/, 'nothing of the connection leaks into the answer');
  });

  it('says the same in English, and for a staff request before its token can be checked', async () => {
    const response = await app.inject({
      method: 'GET', url: '/api/v1/complaints', headers: { 'accept-language': 'en', authorization: `Bearer ${'a'.repeat(43)}` },
    });
    assert.equal(response.statusCode, 503, response.body);
    assert.equal(response.headers['retry-after'], '5');
    assert.equal(response.json().title, 'The service is unavailable');
  });

  it('shows a browser a readable page with the same status and Retry-After', async () => {
    for (const path of ['/statistik', '/publik']) {
      const response = await app.inject({ method: 'GET', url: path, headers: { accept: 'text/html' } });
      assert.equal(response.statusCode, 503, `${path}: ${response.body.slice(0, 300)}`);
      assert.match(String(response.headers['content-type']), /^text\/html/);
      assert.equal(response.headers['retry-after'], '5');
      assert.match(response.body, /<h1>Layanan sedang tidak dapat diakses<\/h1>/);
      assert.match(response.body, /Coba lagi sebentar\./);
    }
    const english = await app.inject({ method: 'GET', url: '/statistik', headers: { accept: 'text/html', 'accept-language': 'en' } });
    assert.equal(english.statusCode, 503);
    assert.match(english.body, /<h1>The service cannot be reached right now<\/h1>/);
    assert.match(english.body, /Please try again in a moment\./);
  });

  it('keeps /healthz at 503 with Retry-After', async () => {
    const response = await app.inject({ method: 'GET', url: '/healthz' });
    assert.equal(response.statusCode, 503);
    assert.equal(response.headers['retry-after'], '5');
    assert.deepEqual(response.json(), { status: 'unavailable' });
  });
});

describe('when the database\'s address accepts a connection and never answers', () => {
  let silent: Server;
  const sockets: Socket[] = [];
  let over: Awaited<ReturnType<typeof appOver>>;

  before(async () => {
    // A frozen or cut-off server: the TCP handshake succeeds, the startup message gets no reply.
    silent = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolveListening) => silent.listen(0, '127.0.0.1', resolveListening));
    const address = silent.address();
    over = await appOver(`postgres://aduan@127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/aduan`);
  });
  after(async () => {
    // The silent server goes first: a connect still waiting on it then fails, and nothing hangs.
    for (const socket of sockets) socket.destroy();
    await new Promise((resolveClosed) => silent.close(resolveClosed));
    await over.close();
  });

  it('gives up connecting after five seconds and answers 503, instead of hanging', { timeout: 20_000 }, async () => {
    const started = Date.now();
    const response = await over.app.inject({ method: 'POST', url: '/api/v1/complaints', payload: aComplaintBody() });
    const waited = Date.now() - started;
    assert.equal(response.statusCode, 503, response.body);
    assert.equal(response.headers['retry-after'], '5');
    assert.ok(waited >= 4_500 && waited < 10_000, `answered after ${waited} ms`);
  });
});
