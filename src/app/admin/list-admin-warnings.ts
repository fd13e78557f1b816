import type { AppDeps } from '../deps.js';
import { publicUrlWarning } from './public-url-warning.js';

/** A condition the administrator should fix, in both languages. */
export interface AdminWarning {
  code: string;
  message: { id: string; en: string };
}

type AdminWarningCheck = (deps: AppDeps) => Promise<AdminWarning | undefined> | AdminWarning | undefined;

/** Each check looks at one thing; add a check to the list to add a warning. */
const checks: AdminWarningCheck[] = [
  (deps) => publicUrlWarning(deps.publicUrl),
];

export async function listAdminWarnings(deps: AppDeps): Promise<AdminWarning[]> {
  const found = await Promise.all(checks.map((check) => check(deps)));
  return found.filter((warning): warning is AdminWarning => warning !== undefined);
}
