// A PostgreSQL cluster of one test's own, in a temporary directory, that the test may stop,
// restart and break as it likes: the shared server that the other test files use must never
// be restarted under them. Needs the server binaries (Debian: postgresql-15 or later).
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { chown, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from './server-process.js';

export interface PrivatePostgres {
  port: number;
  /** `postgres://postgres@127.0.0.1:<port>/aduan`, with trust authentication. */
  url: string;
  /** Starts the stopped cluster and waits until it accepts connections. */
  start(): Promise<void>;
  /** A fast shutdown: open connections are terminated, as an operator's restart does. */
  stop(): Promise<void>;
  restart(): Promise<void>;
  /** Terminates every backend connected to the `aduan` database; answers how many. */
  terminateBackends(): Promise<number>;
  /** The server's log, for assertion messages. */
  log(): Promise<string>;
  /** Stops it at once and removes its directory. */
  remove(): Promise<void>;
}

const commandTimeoutMs = 30_000;

/** The newest installed server's bin directory, or undefined when none is installed. */
export function findPostgresBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).filter((name) => /^\d+$/.test(name) && existsSync(join(root, name, 'bin', 'initdb'))).map(Number).sort((a, b) => b - a);
  return versions[0] === undefined ? undefined : join(root, String(versions[0]), 'bin');
}

/** Why this machine cannot run a private cluster, or undefined when it can. */
export function privatePostgresMissing(): string | undefined {
  if (findPostgresBin() === undefined) return 'needs the PostgreSQL server binaries (/usr/lib/postgresql/<version>/bin)';
  if (process.getuid?.() === 0 && !readFileSync('/etc/passwd', 'utf8').split('\n').some((entry) => entry.startsWith('postgres:'))) {
    return 'runs as root, and there is no `postgres` user to run PostgreSQL as';
  }
  return undefined;
}

/** PostgreSQL refuses to run as root: as root, its commands run as the `postgres` user. */
function run(bin: string, command: string, args: string[]): Promise<string> {
  const path = join(bin, command);
  const [file, fileArgs] = process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', path, ...args]] : [path, args];
  return new Promise((resolveRun, reject) => {
    execFile(file, fileArgs, { timeout: commandTimeoutMs, cwd: tmpdir() }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${command} ${args.join(' ')} failed: ${error.message}\n${stdout}\n${stderr}`));
      else resolveRun(stdout);
    });
  });
}

async function postgresUserIds(): Promise<{ uid: number; gid: number }> {
  const line = (await readFile('/etc/passwd', 'utf8')).split('\n').find((entry) => entry.startsWith('postgres:'));
  const fields = line?.split(':');
  if (!fields || fields.length < 4) throw new Error('running as root, but there is no `postgres` user to run the server as');
  return { uid: Number(fields[2]), gid: Number(fields[3]) };
}

/** initdb into a fresh directory, start on a free loopback port, and create the `aduan` database. */
export async function startPrivatePostgres(bin: string): Promise<PrivatePostgres> {
  const root = await mkdtemp(join(tmpdir(), 'aduan-pg-'));
  const data = join(root, 'data');
  const logFile = join(root, 'server.log');
  if (process.getuid?.() === 0) {
    const { uid, gid } = await postgresUserIds();
    await chown(root, uid, gid);
  }
  const port = await freePort();
  const remove = async () => {
    await run(bin, 'pg_ctl', ['stop', '-D', data, '-m', 'immediate', '-w']).catch(() => undefined);
    await rm(root, { recursive: true, force: true, maxRetries: 3 });
  };
  try {
    await run(bin, 'initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync', '--no-instructions']);
    // Small and fast: a test cluster holds a few megabytes and may lose them on a power cut.
    await writeFile(join(data, 'postgresql.auto.conf'), [
      `port = ${port}`, "listen_addresses = '127.0.0.1'", `unix_socket_directories = '${root}'`,
      'shared_buffers = 16MB', 'max_connections = 40', 'fsync = off', 'synchronous_commit = off', 'full_page_writes = off',
      'logging_collector = off', '',
    ].join('\n'));
    const pgCtl = (...args: string[]) => run(bin, 'pg_ctl', [...args, '-D', data, '-l', logFile, '-w', '-t', '20']);
    await pgCtl('start');
    const admin = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres' });
    await admin.connect();
    try {
      await admin.query('create database aduan');
    } finally {
      await admin.end();
    }
    return {
      port,
      url: `postgres://postgres@127.0.0.1:${port}/aduan`,
      start: async () => {
        await pgCtl('start');
      },
      stop: async () => {
        await run(bin, 'pg_ctl', ['stop', '-D', data, '-m', 'fast', '-w', '-t', '20']);
      },
      restart: async () => {
        await pgCtl('restart', '-m', 'fast');
      },
      terminateBackends: async () => {
        const client = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres' });
        await client.connect();
        try {
          const result = await client.query<{ terminated: boolean }>(
            "select pg_terminate_backend(pid) as terminated from pg_stat_activity where datname = 'aduan' and pid <> pg_backend_pid()",
          );
          return result.rows.filter((row) => row.terminated).length;
        } finally {
          await client.end();
        }
      },
      log: () => readFile(logFile, 'utf8').catch(() => ''),
      remove,
    };
  } catch (error) {
    await remove();
    throw error;
  }
}
