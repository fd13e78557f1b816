export const locales = ['id', 'en'] as const;
export type Locale = (typeof locales)[number];

/** Bahasa Indonesia unless the client prefers English over it. */
export function localeFromAcceptLanguage(header: string | undefined): Locale {
  if (!header) return 'id';
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((param) => param.trim()).find((param) => param.startsWith('q='));
      return { language: tag.toLowerCase().split('-')[0] ?? '', q: q ? Number(q.slice(2)) : 1 };
    })
    .filter((entry) => entry.language === 'id' || entry.language === 'en' || entry.language === 'in')
    .sort((a, b) => b.q - a.q);
  return ranked[0]?.language === 'en' ? 'en' : 'id';
}
