import type { Migration } from 'kysely';
import * as createCoreTables from './0001-create-core-tables.js';
import * as seedRootUnitAndCategories from './0002-seed-root-unit-and-categories.js';
import * as freezeSubmittedContent from './0003-freeze-submitted-content.js';

/** Every migration in the order it runs. Forward-only: a merged migration is never edited. */
export const migrations: Record<string, Migration> = {
  '0001-create-core-tables': createCoreTables,
  '0002-seed-root-unit-and-categories': seedRootUnitAndCategories,
  '0003-freeze-submitted-content': freezeSubmittedContent,
};
