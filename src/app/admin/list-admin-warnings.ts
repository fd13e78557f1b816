import { hasIntegrityReader } from '../../domain/access/policy.js';
import { listActiveWhistleblowingCategoryCodes, listIntegrityReaderIds, listIntegrityTeamIds } from '../../store/staff-directory.js';
import type { AppDeps } from '../deps.js';
import { publicUrlWarning } from './public-url-warning.js';
import type { AdminWarning } from './admin-warning.js';

export type { AdminWarning } from './admin-warning.js';

type AdminWarningCheck = (deps: AppDeps) => Promise<AdminWarning | undefined> | AdminWarning | undefined;

/**
 * Whistleblowing categories are offered while no active integrity team has an active member who
 * reads cases: reports filed under them are refused until an administrator sets the team up.
 */
async function integrityTeamWarning(deps: AppDeps): Promise<AdminWarning | undefined> {
  const [categories, teamIds, readerIds] = await Promise.all([
    listActiveWhistleblowingCategoryCodes(deps.db), listIntegrityTeamIds(deps.db), listIntegrityReaderIds(deps.db),
  ]);
  if (categories.length === 0 || hasIntegrityReader(teamIds, readerIds, [])) return undefined;
  return {
    code: 'whistleblowing.no_integrity_team',
    message: {
      id: 'Laporan pelanggaran (whistleblowing) hanya ditangani tim integritas, dan belum ada tim integritas aktif dengan anggota aktif. Administrator perlu menetapkan tim itu lebih dulu',
      en: 'Whistleblowing reports are handled only by the integrity team, and there is no active integrity team with an active member yet. An administrator must set one up first',
    },
    categories,
  };
}

/** Each check looks at one thing; add a check to the list to add a warning. */
const checks: AdminWarningCheck[] = [
  integrityTeamWarning,
  (deps) => publicUrlWarning(deps.publicUrl),
];

export async function listAdminWarnings(deps: AppDeps): Promise<AdminWarning[]> {
  const found = await Promise.all(checks.map((check) => check(deps)));
  return found.filter((warning): warning is AdminWarning => warning !== undefined);
}
