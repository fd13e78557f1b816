import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { CamelCasePlugin, Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { lockDataDir, type DataDirLock } from './data-dir-lock.js';
import type { Database } from './schema.js';

// Both backends speak through `pg`, which returns int8 as a string to be safe beyond 2^53.
// Our bigserial ids and counts stay far below that, and numbers are what the code expects.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number.parseInt(value, 10));

export type DatabaseKind = 'embedded' | 'postgresql';

/** How long a request waits for a PostgreSQL connection before it is answered "unavailable". */
export const connectTimeoutMs = 5_000;

/**
 * A connection that gives up connecting after {@link connectTimeoutMs}, so that a request
 * meets an unreachable server as "unavailable" instead of hanging. Only connecting: pg-pool's
 * own `connectionTimeoutMillis` would also cut short a wait for a busy pool's free
 * connection, and turn a burst of load into errors.
 */
class TimedConnectClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(typeof config === 'string' ? { connectionString: config, connectionTimeoutMillis: connectTimeoutMs } : { ...config, connectionTimeoutMillis: connectTimeoutMs });
  }
}

function ignoreConnectionError(): void {
  // The caller chose not to hear them; what matters is that someone listens.
}

export interface OpenDatabase {
  db: Kysely<Database>;
  kind: DatabaseKind;
  /** What a job queue or a second client needs to reach the same database. */
  connection: pg.PoolConfig;
  /**
   * Embedded only: the one pool (of one connection) every client of this database must share.
   * PGlite has a single backend, and pglite-socket interleaves the extended-protocol messages
   * of concurrent connections ("unnamed prepared statement does not exist", or a crash), so a
   * second connection is never safe: queries queue on this one instead.
   */
  exclusivePool: pg.Pool | undefined;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** PostgreSQL URL; when undefined the embedded database lives in `dataDir/pgdata`. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** Only for tests: a schema of their own on a shared PostgreSQL server. */
  searchPath?: string;
  poolSize?: number;
  /**
   * Hears every error of a pooled connection that no query is waiting on: an idle
   * connection the server closed (a restart, pg_terminate_backend, a network cut), or one
   * lost between two statements of a transaction. The pool has already dropped it; the next
   * query opens a new one. Unheard, such an error would end the process.
   */
  onConnectionError?: (error: Error) => void;
}

/**
 * Opens the database. The embedded mode runs PGlite in this process and serves it over
 * the PostgreSQL wire protocol on a private Unix socket, so that both modes use the same
 * `pg` driver, the same Kysely dialect and the same type parsing (see README, "Design notes").
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<OpenDatabase> {
  return options.databaseUrl === undefined ? openEmbedded(options) : openPostgres(options.databaseUrl, options);
}

/**
 * Every error a pool or one of its connections can emit gets a listener. pg-pool listens on
 * idle connections only and re-emits on the pool, where nobody listened; and a connection
 * Kysely holds for a transaction has no listener at all, so a server closing it between two
 * statements threw from the socket and ended the process. The query that was running still
 * fails on its own, so only the request that used the connection is lost.
 */
export function watchPool(pool: pg.Pool, onError: (error: Error) => void): pg.Pool {
  pool.on('connect', (client) => {
    // A closed connection often errs twice (the server's notice, then the socket's end): once is news.
    let reported = false;
    client.on('error', (error) => {
      if (reported) return;
      reported = true;
      onError(error);
    });
  });
  // pg-pool re-emits an idle connection's error here; the listener above has reported it.
  pool.on('error', () => undefined);
  return pool;
}

function kyselyOver(pool: pg.Pool): Kysely<Database> {
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin()] });
}

async function openPostgres(databaseUrl: string, options: OpenDatabaseOptions): Promise<OpenDatabase> {
  const connection: pg.PoolConfig = {
    connectionString: databaseUrl,
    max: options.poolSize ?? 10,
    ...(options.searchPath ? { options: `-c search_path=${options.searchPath}` } : {}),
    Client: TimedConnectClient,
    // Notices, in time, a server that vanished without closing the connection (a cut network).
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
  };
  const pool = watchPool(new pg.Pool(connection), options.onConnectionError ?? ignoreConnectionError);
  const db = kyselyOver(pool);
  return { db, kind: 'postgresql', connection, exclusivePool: undefined, close: () => db.destroy() };
}

async function openEmbedded(options: OpenDatabaseOptions): Promise<OpenDatabase> {
  await mkdir(options.dataDir, { recursive: true, mode: 0o700 });
  const lock: DataDirLock = await lockDataDir(options.dataDir);
  let pglite: PGlite | undefined;
  let server: PGLiteSocketServer | undefined;
  // The socket lives in a fresh 0700 directory: only this user can reach the database,
  // and the path stays short whatever DATA_DIR is (Unix socket paths are limited to ~100 bytes).
  const socketDir = await mkdtemp(join(tmpdir(), 'aduan-db-'));
  try {
    pglite = await PGlite.create(join(options.dataDir, 'pgdata'));
    server = new PGLiteSocketServer({ db: pglite, path: join(socketDir, '.s.PGSQL.5432'), maxConnections: 100 });
    await server.start();
  } catch (error) {
    await server?.stop().catch(() => undefined);
    await pglite?.close().catch(() => undefined);
    await rm(socketDir, { recursive: true, force: true });
    await lock.release();
    throw error;
  }
  // One connection, whatever poolSize says: see `exclusivePool`. PGlite runs one statement at
  // a time anyway, so this costs queueing that would happen inside PGlite otherwise.
  const connection: pg.PoolConfig = { host: socketDir, port: 5432, user: 'postgres', database: 'postgres', max: 1 };
  const pool = watchPool(new pg.Pool(connection), options.onConnectionError ?? ignoreConnectionError);
  reportSocketServerErrors(server, options.onConnectionError ?? ignoreConnectionError);
  const db = kyselyOver(pool);
  const openedPglite = pglite;
  const openedServer = server;
  return {
    db,
    kind: 'embedded',
    connection,
    exclusivePool: pool,
    close: async () => {
      await db.destroy();
      await openedServer.stop();
      await openedPglite.close();
      await rm(socketDir, { recursive: true, force: true });
      await lock.release();
    },
  };
}

/** The embedded server's socket errors (a client gone mid-message) are reported, never thrown. */
function reportSocketServerErrors(server: PGLiteSocketServer, onError: (error: Error) => void): void {
  server.addEventListener('error', (event) => {
    const detail = (event as CustomEvent<unknown>).detail;
    onError(detail instanceof Error ? detail : new Error(String(detail)));
  });
}

/** True when the database answers a trivial query within `timeoutMs`. */
export async function isDatabaseAlive(db: Kysely<Database>, timeoutMs = 2000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const probe = sql`select 1`.execute(db).then(() => true, () => false);
  try {
    return await Promise.race([probe, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
