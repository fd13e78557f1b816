/** A condition the administrator should fix; `code` is stable, `message` in both languages. */
export interface AdminWarning {
  code: string;
  message: { id: string; en: string };
  /** For `whistleblowing.no_integrity_team`: the active whistleblowing categories nobody can receive. */
  categories?: string[];
}
