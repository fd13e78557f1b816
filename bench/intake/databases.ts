import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase } from '../../src/store/database.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import type { Cleanup } from '../support/cleanup.js';

export type BenchDatabaseKind = 'embedded' | 'postgresql';

/** Where the raw phases write: a `pg` connection to the same kind of database as the server's. */
export interface RawDatabase {
  connection: pg.PoolConfig;
  close(): Promise<void>;
}

export interface BenchDatabase {
  kind: BenchDatabaseKind;
  /** The PostgreSQL database's name (undefined for the embedded one). */
  postgresName: string | undefined;
  /** DATABASE_URL for the server process; undefined for the embedded database. */
  serverDatabaseUrl: string | undefined;
  serverDataDir: string;
  /** Opens the raw side. On PostgreSQL the very same database; embedded: its own data dir. */
  openRaw(): Promise<RawDatabase>;
}

export const defaultPostgresUrl = 'postgres://postgres@127.0.0.1:5432/test';

async function tempDir(cleanup: Cleanup, prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  cleanup.defer(`remove ${dir}`, () => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** Fails fast, with a hint, when PostgreSQL is not reachable. */
export async function checkPostgres(adminUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('select 1');
  } catch (error) {
    throw new Error(`PostgreSQL at ${adminUrl} is not reachable (${(error as Error).message}). ` +
      'Start it (e.g. `pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`), ' +
      'set BENCH_DATABASE_URL, or run only the embedded part with BENCH_DATABASES=embedded.');
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * A fresh database `aduan_bench_<random>` on the server of `adminUrl`, dropped again by
 * the cleanup: nothing is shared with the test suite's schemas.
 */
export async function postgresBenchDatabase(adminUrl: string, cleanup: Cleanup): Promise<BenchDatabase> {
  const name = `aduan_bench_${randomBytes(4).toString('hex')}`;
  const run = async (statement: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await run(`create database ${name}`);
  cleanup.defer(`drop database ${name}`, () => run(`drop database if exists ${name} with (force)`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  return {
    kind: 'postgresql',
    postgresName: name,
    serverDatabaseUrl: databaseUrl,
    serverDataDir: await tempDir(cleanup, 'aduan-bench-pg-'),
    openRaw: async () => ({ connection: { connectionString: databaseUrl }, close: async () => undefined }),
  };
}

/**
 * The embedded database: the server gets a temp DATA_DIR; the raw side opens the same
 * kind (PGlite behind its in-process socket, via `openDatabase`) on a temp dir of its own,
 * because the server holds the lock on its dir.
 */
export async function embeddedBenchDatabase(cleanup: Cleanup): Promise<BenchDatabase> {
  return {
    kind: 'embedded',
    postgresName: undefined,
    serverDatabaseUrl: undefined,
    serverDataDir: await tempDir(cleanup, 'aduan-bench-embedded-'),
    openRaw: async () => {
      const dataDir = await tempDir(cleanup, 'aduan-bench-raw-');
      const database = await openDatabase({ databaseUrl: undefined, dataDir });
      const close = cleanup.defer('close the raw embedded database', () => database.close());
      try {
        await migrateToLatest(database.db);
      } catch (error) {
        await close();
        throw error;
      }
      return { connection: database.connection, close };
    },
  };
}
