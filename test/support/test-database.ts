import { randomBytes } from 'node:crypto';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase, type OpenDatabase } from '../../src/store/database.js';
import { migrateToLatest } from '../../src/store/migrate.js';

export interface TestDatabase extends OpenDatabase {
  /** The directory the embedded database lives in (undefined on PostgreSQL). */
  dataDir: string | undefined;
  /** On PostgreSQL, the schema this test file owns. */
  schema: string | undefined;
}

/**
 * A migrated database of this test file's own: on PostgreSQL (TEST_DATABASE_URL) a fresh
 * schema that is dropped at the end, else a copy of the prepared PGlite template.
 */
export async function openTestDatabase(): Promise<TestDatabase> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const schema = `test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    const database = await openDatabase({ databaseUrl: url, dataDir: tmpdir(), searchPath: schema });
    await migrateDespiteConcurrentDrops(database, schema);
    return {
      ...database, dataDir: undefined, schema,
      close: async () => {
        await database.close();
        const dropper = new pg.Client({ connectionString: url });
        await dropper.connect();
        await dropper.query(`drop schema ${schema} cascade`);
        await dropper.end();
      },
    };
  }
  const template = preparedTemplate();
  const dataDir = await mkdtemp(join(tmpdir(), 'aduan-test-'));
  if (template) await cp(template, dataDir, { recursive: true });
  const database = await openDatabase({ databaseUrl: undefined, dataDir });
  await migrateToLatest(database.db);
  return {
    ...database, dataDir, schema: undefined,
    close: async () => {
      await database.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The migrated PGlite directory scripts/run-tests.mjs prepared for this run, or undefined when
 * the file runs on its own (it then pays PGlite's initdb). The runner prepares it only when it
 * sees that a selected file uses the database; if it judged wrongly, say so rather than
 * quietly pay initdb in every such file.
 */
export function preparedTemplate(): string | undefined {
  const template = process.env.TEST_PGLITE_TEMPLATE;
  if (template === 'none') {
    throw new Error(
      'scripts/run-tests.mjs prepared no database template because it did not see that this test file uses the database: ' +
      'name it *.db.test.ts or import test/support/test-database.ts (or test-app.ts, server-process.ts) from it',
    );
  }
  return template || undefined;
}

/**
 * Kysely's migrator looks for its bookkeeping table by listing the tables of every schema
 * on the server. Test files running beside this one drop their own schemas when they end,
 * and a schema that vanishes in the middle of that listing fails it ("schema ... does not
 * exist"). Nothing of ours is wrong then: list again.
 */
async function migrateDespiteConcurrentDrops(database: OpenDatabase, schema: string): Promise<void> {
  const vanished = new Set(['3F000', '42P01', 'XX000']);
  for (let attempt = 1; ; attempt += 1) {
    try {
      await migrateToLatest(database.db, { schema });
      return;
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (attempt >= 5 || typeof code !== 'string' || !vanished.has(code)) throw error;
    }
  }
}
