import { Migrator, type Kysely, type MigrationProvider } from 'kysely';
import { migrations } from './migrations/index.js';
import type { Database } from './schema.js';

const provider: MigrationProvider = { getMigrations: async () => migrations };

/**
 * Applies every pending migration. Kysely's migrator takes a lock table row, so several
 * app nodes starting at once on PostgreSQL run each migration once.
 */
export async function migrateToLatest(db: Kysely<Database>, options: { schema?: string | undefined } = {}): Promise<string[]> {
  // Kysely looks for its bookkeeping tables by name across all schemas; with a schema of
  // our own (tests on a shared server) it must be told which one is ours.
  const migrator = new Migrator({ db, provider, ...(options.schema ? { migrationTableSchema: options.schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((result) => result.status === 'Success').map((result) => result.migrationName);
}
