// Runs the real server (`node --import tsx src/main.ts`) as a child process, for black-box
// journeys that need what an in-process app cannot show: crashes, signals, the data-dir
// lock, and what really reaches stdout/stderr.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { preparedTemplate } from './test-database.js';

/** The project root: the child runs there so that `--import tsx` and `src/main.ts` resolve. */
export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Every variable src/config.ts reads: none leaks from the test's own environment into the child. */
const configVariables = [
  'HOST', 'PORT', 'DATA_DIR', 'DATABASE_URL', 'ADUAN_SECRET_KEY', 'ADUAN_ADMIN_EMAIL', 'ADUAN_ADMIN_PASSWORD',
  'TRUST_PROXY', 'LOG_LEVEL', 'FILES_DIR', 'SUBMISSIONS_PER_HOUR', 'TRACKING_FAILURES_PER_15_MIN',
];

export interface OutputLine {
  stream: 'stdout' | 'stderr';
  text: string;
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ServerProcess {
  readonly child: ChildProcess;
  readonly pid: number;
  readonly port: number;
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly dataDir: string;
  /** Every line written so far, both streams in arrival order. */
  readonly lines: OutputLine[];
  /** Resolves once the process has exited and both streams are drained. */
  readonly exited: Promise<Exit>;
  /** The exit, or undefined while it runs. */
  exit(): Exit | undefined;
  stdout(): string[];
  stderr(): string[];
  /** All output as one text, for assertion messages. */
  output(): string;
  /** Resolves with the first line (past or future) that matches, rejects after `timeoutMs` or on exit. */
  waitForLine(match: (line: OutputLine) => boolean, timeoutMs?: number): Promise<OutputLine>;
  /** SIGTERM, then waits; SIGKILL if it has not exited after `timeoutMs`. */
  stop(timeoutMs?: number): Promise<Exit>;
  /** kill -9, and waits for the exit. */
  kill(): Promise<Exit>;
}

export interface SpawnServerOptions {
  dataDir: string;
  /** Found with {@link freePort} when not given. */
  port?: number;
  /** Added to (and overriding) HOST, PORT, DATA_DIR, LOG_LEVEL and a large SUBMISSIONS_PER_HOUR. */
  env?: Record<string, string | undefined>;
  /** The program: the server unless told otherwise (`src/worker-main.ts`, the worker alone, listens nowhere). */
  entry?: string;
}

const running = new Set<ChildProcess>();
// A failed assertion or a crashed runner must never leave a server (and ~800 MB of PGlite) behind.
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** A port nobody listens on now: the kernel picks one for port 0, and we let it go. */
export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port: 0 }, () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : undefined;
      server.close(() => (port === undefined ? reject(new Error('no port')) : resolvePort(port)));
    });
  });
}

/**
 * A fresh temporary directory for one journey, removed by `remove()`. Its `tmp/` is given to
 * the child as TMPDIR, so that what the server puts in the temp directory (the embedded
 * database's socket directory, left behind by kill -9) goes away with it too.
 */
export async function makeJourneyDir(prefix = 'aduan-journey-'): Promise<{ root: string; tmp: string; remove(): Promise<void> }> {
  const root = await mkdtemp(join(tmpdir(), prefix));
  const tmp = join(root, 'tmp');
  await mkdir(tmp, { mode: 0o700 });
  return { root, tmp, remove: () => rm(root, { recursive: true, force: true, maxRetries: 3 }) };
}

/**
 * A new, empty data directory under `root`. When the test runner prepared a migrated PGlite
 * template (scripts/run-tests.mjs sets TEST_PGLITE_TEMPLATE), its database is copied in so
 * the first start skips PGlite's initdb; the server still migrates and keys it as usual.
 */
export async function makeDataDir(root: string, name = 'data'): Promise<string> {
  const dataDir = join(root, name);
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const template = preparedTemplate();
  if (template && existsSync(join(template, 'pgdata'))) await cp(join(template, 'pgdata'), join(dataDir, 'pgdata'), { recursive: true });
  return dataDir;
}

/** Starts the server process without waiting for it to be ready. */
export async function spawnServer(options: SpawnServerOptions): Promise<ServerProcess> {
  const port = options.port ?? (await freePort());
  const env: Record<string, string | undefined> = { ...process.env };
  for (const name of configVariables) delete env[name];
  // The child is a server, not a test file of this run.
  delete env.NODE_TEST_CONTEXT;
  Object.assign(env, {
    HOST: '127.0.0.1',
    PORT: String(port),
    DATA_DIR: options.dataDir,
    LOG_LEVEL: 'info',
    SUBMISSIONS_PER_HOUR: '100000',
    ...options.env,
  });
  for (const [name, value] of Object.entries(env)) if (value === undefined) delete env[name];

  const child = spawn(process.execPath, ['--import', 'tsx', options.entry ?? 'src/main.ts'], {
    cwd: projectRoot,
    env: env as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (child.pid === undefined) {
    // spawn reports its failure asynchronously; wait for it so the message is useful.
    const error = await new Promise<Error>((resolveError) => child.once('error', resolveError));
    throw error;
  }
  running.add(child);

  const lines: OutputLine[] = [];
  const listeners = new Set<(line: OutputLine) => void>();
  const capture = (stream: OutputLine['stream']) => {
    const readable = child[stream];
    if (!readable) return Promise.resolve();
    const reader = createInterface({ input: readable, crlfDelay: Infinity });
    reader.on('line', (text) => {
      const line = { stream, text };
      lines.push(line);
      for (const listener of listeners) listener(line);
    });
    return new Promise<void>((resolveClosed) => reader.once('close', () => resolveClosed()));
  };
  const drained = Promise.all([capture('stdout'), capture('stderr')]);

  let exit: Exit | undefined;
  const exited = new Promise<Exit>((resolveExit) => {
    child.once('exit', (code, signal) => {
      running.delete(child);
      exit = { code, signal };
      // Give the pipes a moment to deliver the last lines, but never hang on them.
      void within(drained, 2000).then(() => {
        for (const listener of listeners) listener({ stream: 'stderr', text: '' });
        resolveExit({ code, signal });
      });
    });
  });

  const output = () => lines.map((line) => `[${line.stream}] ${line.text}`).join('\n');

  const waitForExit = (timeoutMs: number): Promise<Exit | undefined> => within(exited, timeoutMs);

  const server: ServerProcess = {
    child,
    pid: child.pid,
    port,
    url: `http://127.0.0.1:${port}`,
    dataDir: options.dataDir,
    lines,
    exited,
    exit: () => exit,
    stdout: () => lines.filter((line) => line.stream === 'stdout').map((line) => line.text),
    stderr: () => lines.filter((line) => line.stream === 'stderr').map((line) => line.text),
    output,
    waitForLine: (match, timeoutMs = 30_000) =>
      new Promise<OutputLine>((resolveLine, reject) => {
        const found = lines.find(match);
        if (found) return resolveLine(found);
        if (exit) return reject(new Error(`the server exited (${describeExit(exit)}) before the expected line\n${output()}`));
        const timer = setTimeout(() => {
          listeners.delete(listener);
          reject(new Error(`no expected line within ${timeoutMs} ms\n${output()}`));
        }, timeoutMs);
        const listener = (line: OutputLine) => {
          if (line.text !== '' && match(line)) {
            clearTimeout(timer);
            listeners.delete(listener);
            resolveLine(line);
          } else if (exit) {
            clearTimeout(timer);
            listeners.delete(listener);
            reject(new Error(`the server exited (${describeExit(exit)}) before the expected line\n${output()}`));
          }
        };
        listeners.add(listener);
      }),
    stop: async (timeoutMs = 20_000) => {
      if (!exit) child.kill('SIGTERM');
      const stopped = await waitForExit(timeoutMs);
      if (stopped) return stopped;
      child.kill('SIGKILL');
      return exited;
    },
    kill: async () => {
      if (!exit) child.kill('SIGKILL');
      return exited;
    },
  };
  return server;
}

/** Starts the server and waits until GET /healthz answers 200; kills it if that does not happen in time. */
export async function startServer(options: SpawnServerOptions & { startupTimeoutMs?: number }): Promise<ServerProcess> {
  const server = await spawnServer(options);
  try {
    await waitHealthy(server, options.startupTimeoutMs ?? 60_000);
  } catch (error) {
    await server.kill();
    throw error;
  }
  return server;
}

/** Polls GET /healthz until it answers 200; fails early if the process exits. */
export async function waitHealthy(server: ServerProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    const exit = server.exit();
    if (exit) throw new Error(`the server exited (${describeExit(exit)}) before it was healthy\n${server.output()}`);
    try {
      const response = await fetch(`${server.url}/healthz`, { signal: AbortSignal.timeout(3000) });
      await response.arrayBuffer();
      if (response.status === 200) return;
      last = `status ${response.status}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await delay(100);
  }
  throw new Error(`the server was not healthy within ${timeoutMs} ms (${last})\n${server.output()}`);
}

export function describeExit(exit: Exit): string {
  return exit.signal ? `signal ${exit.signal}` : `code ${exit.code}`;
}

/** Parses the JSON log lines (pino writes one object per line); other lines are skipped. */
export function jsonLines(lines: readonly OutputLine[]): Record<string, unknown>[] {
  const parsed: Record<string, unknown>[] = [];
  for (const line of lines) {
    if (!line.text.startsWith('{')) continue;
    try {
      const value: unknown = JSON.parse(line.text);
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) parsed.push(value as Record<string, unknown>);
    } catch {
      // not a log line
    }
  }
  return parsed;
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolveDelay) => setTimeout(resolveDelay, ms));
}

/** The promise's value, or undefined if it takes longer than `ms`; the timer never outlives it. */
export async function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolveTimeout) => {
    timer = setTimeout(() => resolveTimeout(undefined), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
