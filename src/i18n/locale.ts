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

/** The locale's name for `Intl`, e.g. for dates and numbers. */
export const intlLocale: Record<Locale, string> = { id: 'id-ID', en: 'en-GB' };

/** A number as the locale writes it (`1.234` in Indonesian, `1,234` in English). */
export function formatNumber(locale: Locale, value: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(intlLocale[locale], options).format(value);
}
