import { listAllCategories } from '../../store/category-records.js';
import type { AppDeps } from '../deps.js';
import { toCategoryRecord, type CategoryRecord } from './category-record.js';

/** Inactive ones too: administration is where they are seen and revived. */
export async function listCategories(deps: AppDeps): Promise<CategoryRecord[]> {
  return (await listAllCategories(deps.db)).map(toCategoryRecord);
}
