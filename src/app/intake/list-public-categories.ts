import { listActiveCategories } from '../../store/categories.js';
import type { AppDeps } from '../deps.js';

/** A category as the public chooses it on the complaint form. */
export interface PublicCategory {
  code: string;
  name: { id: string; en: string };
  /** Fraud, corruption, bribery: handled by the integrity team, answered within 30 days. */
  isWhistleblowing: boolean;
}

export async function listPublicCategories(deps: AppDeps): Promise<PublicCategory[]> {
  return (await listActiveCategories(deps.db)).map((row) => ({ code: row.code, name: { id: row.nameId, en: row.nameEn }, isWhistleblowing: row.isWhistleblowing }));
}
