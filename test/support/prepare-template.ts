// Prepares one migrated PGlite data directory for the whole test run and prints its path.
// PGlite's initdb costs seconds and hundreds of MB per process; copying a ready directory
// costs milliseconds.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src/store/database.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import { migrations } from '../../src/store/migrations/index.js';

// Keyed by each migration's name and code, so editing a migration (before it is merged) makes a new template.
const key = createHash('sha256')
  .update(Object.entries(migrations).map(([name, migration]) => `${name}\n${migration.up.toString()}`).join('\n'))
  .update(process.version)
  .digest('hex')
  .slice(0, 16);
const target = join(tmpdir(), `aduan-pglite-template-${key}`);

if (!existsSync(join(target, 'pgdata'))) {
  const building = `${target}.${process.pid}`;
  await rm(building, { recursive: true, force: true });
  await mkdir(building, { recursive: true });
  const database = await openDatabase({ databaseUrl: undefined, dataDir: building });
  await migrateToLatest(database.db);
  await database.close();
  await rm(join(building, 'aduan.pid'), { force: true });
  await rename(building, target).catch(async () => rm(building, { recursive: true, force: true }));
}
process.stdout.write(`${target}\n`);
