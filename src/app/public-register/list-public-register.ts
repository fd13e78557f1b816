import { countPublishedCases, listPublishedCases, listPublishedCategories, type PublishedCategoryRow } from '../../store/public-register.js';
import type { AppDeps } from '../deps.js';
import { publicRegisterEntry, type PublicRegisterEntry } from './public-register-entry.js';

export const publicRegisterPageSize = 20;
/** Longer searches are cut here: nobody types more, and the query stays cheap. */
export const publicRegisterSearchMaxLength = 200;

export interface PublicRegisterQuery {
  text?: string | undefined;
  categoryCode?: string | undefined;
  /** From 1; past the last page the last page is shown. */
  page: number;
}

export interface PublicRegisterPage {
  entries: PublicRegisterEntry[];
  total: number;
  page: number;
  pageCount: number;
  /** The search as it was run (trimmed, cut to length), and the category if it is one that has cases. */
  text: string | undefined;
  categoryCode: string | undefined;
  categories: PublishedCategoryRow[];
}

/** The public register: published cases, newest first, searched and filtered, 20 to a page. */
export async function listPublicRegister(deps: Pick<AppDeps, 'db'>, query: PublicRegisterQuery): Promise<PublicRegisterPage> {
  const text = query.text?.trim().slice(0, publicRegisterSearchMaxLength) || undefined;
  const categories = await listPublishedCategories(deps.db);
  // An unknown category (an old link, a typo) filters nothing rather than finding nothing.
  const categoryCode = categories.some((category) => category.code === query.categoryCode) ? query.categoryCode : undefined;
  const filter = { text, categoryCode };
  const total = await countPublishedCases(deps.db, filter);
  const pageCount = Math.max(1, Math.ceil(total / publicRegisterPageSize));
  const page = Math.min(Math.max(1, Math.floor(query.page)), pageCount);
  const rows = total === 0 ? [] : await listPublishedCases(deps.db, filter, { offset: (page - 1) * publicRegisterPageSize, limit: publicRegisterPageSize });
  return { entries: rows.map(publicRegisterEntry), total, page, pageCount, text, categoryCode, categories };
}
