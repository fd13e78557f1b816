// Prepares one migrated PGlite data directory, for the whole test run, in the (empty)
// directory given as the argument; scripts/run-tests.mjs removes it when the run ends.
// PGlite's initdb costs seconds and hundreds of MB per process; copying a ready directory
// costs milliseconds.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { openDatabase } from '../../src/store/database.js';
import { migrateToLatest } from '../../src/store/migrate.js';

const target = process.argv[2];
if (!target) throw new Error('usage: prepare-template.ts <empty directory>');
const database = await openDatabase({ databaseUrl: undefined, dataDir: target });
await migrateToLatest(database.db);
await database.close();
await rm(join(target, 'aduan.pid'), { force: true });
