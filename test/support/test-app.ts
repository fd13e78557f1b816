import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { createCaches } from '../../src/app/caches.js';
import type { AppDeps, Clock } from '../../src/app/deps.js';
import type { Mailer } from '../../src/app/notifications/mailer.js';
import { createKeys } from '../../src/app/keys.js';
import { offMailer } from '../../src/app/notifications/mailer.js';
import { buildServer, type ServerOptions } from '../../src/http/server.js';
import { isDatabaseAlive } from '../../src/store/database.js';
import { createDiskFileStore } from '../../src/store/files/disk-file-store.js';
import { openTestDatabase, type TestDatabase } from './test-database.js';
import { createUploadDir } from '../../src/http/shared/multipart.js';
import { aComplaintBody } from './server-process-api.js';

export interface TestApp {
  app: FastifyInstance;
  deps: AppDeps;
  database: TestDatabase;
  filesDir: string;
  /** Where uploads stream to while a request is read; empty again after every request. */
  uploadDir: string;
  close(): Promise<void>;
}

/** A clock tests can set and move. */
export function fixedClock(start: Date): Clock & { set(at: Date): void; advanceMs(ms: number): void } {
  let now = start;
  return { now: () => now, set: (at) => { now = at; }, advanceMs: (ms) => { now = new Date(now.getTime() + ms); } };
}

/** The whole HTTP application over a database and a file store of this test's own. */
export async function startTestApp(options: { clock?: Clock; server?: Partial<ServerOptions>; mailer?: Mailer } = {}): Promise<TestApp> {
  const database = await openTestDatabase();
  const filesDir = await mkdtemp(join(tmpdir(), 'aduan-files-'));
  const deps: AppDeps = {
    db: database.db,
    clock: options.clock ?? { now: () => new Date() },
    random: { bytes: (count) => randomBytes(count), uuid: () => randomUUID() },
    keys: createKeys(Buffer.from('test-secret-key-which-is-long-enough-for-aduan')),
    files: await createDiskFileStore(filesDir),
    publicUrl: 'http://aduan.test',
    mailer: options.mailer ?? offMailer,
    caches: createCaches(),
  };
  const uploadDir = await createUploadDir(filesDir);
  const app = await buildServer(deps, {
    logger: false,
    trustProxy: false,
    limits: { submissionsPerHour: 10_000, trackingFailuresPer15Min: 10 },
    isHealthy: () => isDatabaseAlive(database.db),
    uploadDir,
    ...options.server,
  });
  return {
    app, deps, database, filesDir, uploadDir,
    close: async () => {
      await app.close();
      await database.close();
      await rm(filesDir, { recursive: true, force: true });
    },
  };
}

/** A complaint body that passes validation; override what a test is about. */
export const aComplaint = aComplaintBody;

/** Every file under the app's file store, sorted: to see what a request wrote, or that it wrote nothing. */
export async function filesInStore(t: Pick<TestApp, 'filesDir'>): Promise<string[]> {
  const found: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) await walk(join(dir, entry.name));
      else found.push(join(dir, entry.name));
    }
  };
  await walk(t.filesDir);
  return found.sort();
}
