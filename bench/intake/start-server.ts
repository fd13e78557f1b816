import { startNodeServer, type RunningServer } from '../support/child-process.js';

export interface AppServerOptions {
  dataDir: string;
  /** undefined: the embedded database (PGlite) in dataDir. */
  databaseUrl: string | undefined;
  secretKey: string;
  /** Extra node flags for the server process, e.g. ['--cpu-prof', '--cpu-prof-dir=/tmp/prof']. */
  nodeArgs?: string[];
}

// parseConfig caps both limits at 1,000,000 (src/config.ts); a larger value makes the
// server exit with a configuration error. A million per hour is far above what one run sends.
const noLimit = '1000000';

/** The real server, `node --import tsx src/main.ts`, in a process of its own. */
export function startAppServer(options: AppServerOptions): Promise<RunningServer> {
  return startNodeServer({
    script: 'src/main.ts',
    nodeArgs: options.nodeArgs,
    healthPath: '/healthz',
    env: {
      DATA_DIR: options.dataDir,
      ...(options.databaseUrl === undefined ? {} : { DATABASE_URL: options.databaseUrl }),
      LOG_LEVEL: 'warn',
      SUBMISSIONS_PER_HOUR: noLimit,
      TRACKING_FAILURES_PER_15_MIN: noLimit,
      ADUAN_SECRET_KEY: options.secretKey,
      // /api/v1/track has a fixed 120 requests/minute per client address. The tracking phase
      // trusts the loopback proxy and sends a different X-Forwarded-For on every request,
      // so the limit is measured as designed (per client) without turning the run into 429s.
      TRUST_PROXY: '127.0.0.1',
    },
  });
}

/** The HTTP ceiling: a bare Fastify `POST /` in a process of its own. */
export function startBareServer(): Promise<RunningServer> {
  return startNodeServer({ script: 'bench/intake/bare-server.ts', healthPath: '/healthz', env: {} });
}
