import { hasIntegrityReader } from '../../domain/access/policy.js';
import { listActiveWhistleblowingCategoryCodes, listIntegrityReaderIds, listIntegrityTeamIds } from '../../store/staff-directory.js';
import type { AppDeps } from '../deps.js';

/** Something administrators must put right; `code` is stable, the HTTP layer words it. */
export interface AdminWarning {
  code: 'whistleblowing.no_integrity_team';
  /** The active whistleblowing categories nobody can receive. */
  categories: string[];
}

/**
 * What the configuration leaves broken. Today one thing: whistleblowing categories are offered
 * while no active integrity team has an active member who reads cases, so reports filed under
 * them are refused (issue 10) until an administrator sets the team up.
 */
export async function listAdminWarnings(deps: Pick<AppDeps, 'db'>): Promise<AdminWarning[]> {
  const [categories, teamIds, readerIds] = await Promise.all([
    listActiveWhistleblowingCategoryCodes(deps.db), listIntegrityTeamIds(deps.db), listIntegrityReaderIds(deps.db),
  ]);
  if (categories.length === 0 || hasIntegrityReader(teamIds, readerIds, [])) return [];
  return [{ code: 'whistleblowing.no_integrity_team', categories }];
}
