import closeWithGrace from 'close-with-grace';
import pino from 'pino';
import { composeDeps } from './compose-deps.js';
import { parseConfigOrExit, type Config } from './config.js';
import { startWorker } from './jobs/worker.js';
import { openDatabase } from './store/database.js';
import { connectionLost } from './store/connection-lost-log.js';
import { migrateToLatest } from './store/migrate.js';

/** The worker alone (`npm run worker`), for PostgreSQL installations that run it beside the servers. */
async function main(config: Config): Promise<void> {
  const log = pino({ level: config.logLevel, base: { process: 'worker' } });
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, onConnectionError: connectionLost(log) });
  try {
    await migrateToLatest(database.db);
    // The key must be the servers' own (set ADUAN_SECRET_KEY on every node): composeDeps refuses
    // a different one before any reporter's address is decrypted with it.
    const deps = await composeDeps(config, database, log);
    const worker = await startWorker({ deps, connection: database.connection, exclusivePool: database.exclusivePool, log });
    log.info('worker started');
    closeWithGrace({ delay: 10_000, logger: log }, async ({ signal, err }) => {
      if (err) log.error({ err }, 'shutting down after an error');
      else log.info({ signal }, 'shutting down: finishing running jobs');
      await worker.stop();
      deps.mailer.close();
      await database.close();
      log.info('stopped');
    });
  } catch (error) {
    await database.close().catch(() => undefined);
    throw error;
  }
}

const config = parseConfigOrExit(process.env);
if (config.databaseUrl === undefined) {
  console.error(
    'npm run worker needs PostgreSQL (DATABASE_URL). On the embedded database only one process may open DATA_DIR, '
    + 'so the worker always runs inside the server (npm start); nothing else is needed.',
  );
  process.exit(78); // EX_CONFIG
}
main(config).catch((error: unknown) => {
  console.error(error instanceof Error && error.name !== 'Error' ? `${error.name}: ${error.message}` : error);
  process.exit(1);
});
