/** The register's addresses, in one place: the list with its search, and one case's page. */
export function listPath(query: { text?: string | undefined; categoryCode?: string | undefined; page?: number }): string {
  const params = new URLSearchParams();
  if (query.text !== undefined) params.set('q', query.text);
  if (query.categoryCode !== undefined) params.set('kategori', query.categoryCode);
  if (query.page !== undefined && query.page > 1) params.set('halaman', String(query.page));
  const search = params.toString();
  return search === '' ? '/publik' : `/publik?${search}`;
}

export function entryPath(registerNumber: string): string {
  return `/publik/${encodeURIComponent(registerNumber)}`;
}
