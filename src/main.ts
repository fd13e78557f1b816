import closeWithGrace from 'close-with-grace';
import pino from 'pino';
import { createFirstAdmin } from './app/setup/create-first-admin.js';
import { listAdminWarnings } from './app/admin/list-admin-warnings.js';
import { composeDeps } from './compose-deps.js';
import { parseConfigOrExit, type Config } from './config.js';
import { buildServer } from './http/server.js';
import { startWorker, type RunningWorker } from './jobs/worker.js';
import { requestLogSerializers } from './http/plugins/request-logging.js';
import { connectionLost } from './store/connection-lost-log.js';
import { isDatabaseAlive, openDatabase } from './store/database.js';
import { migrateToLatest } from './store/migrate.js';
import { createUploadDir } from './http/shared/multipart.js';

/** Composition root: reads the configuration, opens everything, serves, and closes cleanly. */
async function main(config: Config): Promise<void> {
  const log = pino({ level: config.logLevel, ...requestLogSerializers });
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, onConnectionError: connectionLost(log) });
  let closed = false;
  const closeDatabase = async () => {
    if (closed) return;
    closed = true;
    await database.close();
  };
  let worker: RunningWorker | undefined;
  try {
    const applied = await migrateToLatest(database.db);
    log.info({ database: database.kind, migrationsApplied: applied }, 'database ready');

    const deps = await composeDeps(config, database, log);
    if (config.admin && (await createFirstAdmin(deps, config.admin))) {
      log.info({ email: config.admin.email }, 'created the first administrator');
    }

    // What GET /api/v1/admin/warnings lists (PUBLIC_URL on localhost, no integrity team), said at start too.
    for (const warning of await listAdminWarnings(deps)) log.warn({ code: warning.code, categories: warning.categories }, warning.message.en);

    const app = await buildServer(deps, {
      logger: false,
      loggerInstance: log,
      trustProxy: config.trustProxy,
      limits: { submissionsPerHour: config.submissionsPerHour, trackingFailuresPer15Min: config.trackingFailuresPer15Min },
      isHealthy: () => isDatabaseAlive(database.db),
      uploadDir: await createUploadDir(config.filesDir),
    });

    // Only one process may open the embedded database, so there the worker always runs here.
    if (config.worker === 'inline' || database.kind === 'embedded') {
      if (config.worker === 'off') log.warn('WORKER=off is ignored on the embedded database: only this process can open it, so the worker runs here');
      worker = await startWorker({ deps, connection: database.connection, exclusivePool: database.exclusivePool, log });
      log.info('worker started inside the server process');
    } else {
      log.info('worker is off in this process: run `npm run worker` beside it');
    }

    closeWithGrace({ delay: 10_000, logger: log }, async ({ signal, err }) => {
      if (err) log.error({ err }, 'shutting down after an error');
      else log.info({ signal }, 'shutting down: draining requests');
      // Node closes idle keep-alive connections once, when close() starts; a connection
      // busy at that moment turns idle afterwards and would hold close() for its whole
      // keep-alive timeout. Sweep them until every request has drained.
      const sweep = setInterval(() => app.server.closeIdleConnections(), 100);
      try {
        await app.close();
      } finally {
        clearInterval(sweep);
      }
      // pg-boss holds connections of its own: it stops before the database it talks to.
      await worker?.stop();
      deps.mailer.close();
      await closeDatabase();
      log.info('stopped');
    });

    await app.listen({ host: config.host, port: config.port });
  } catch (error) {
    await worker?.stop().catch(() => undefined);
    await closeDatabase().catch(() => undefined);
    throw error;
  }
}

const config = parseConfigOrExit(process.env);
main(config).catch((error: unknown) => {
  console.error(error instanceof Error && error.name !== 'Error' ? `${error.name}: ${error.message}` : error);
  process.exit(1);
});
