const units = ['nol', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan', 'sepuluh', 'sebelas'];

/**
 * A whole number in Indonesian words ("terbilang"), as official letters write periods:
 * "14 (empat belas) hari". Covers 0-999 999, far beyond any appeal window.
 */
export function indonesianNumberWords(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 999_999) throw new RangeError(`cannot spell ${n}`);
  if (n < 12) return units[n] ?? '';
  if (n < 20) return `${indonesianNumberWords(n - 10)} belas`;
  if (n < 100) return joined(`${indonesianNumberWords(Math.floor(n / 10))} puluh`, n % 10);
  if (n < 200) return joined('seratus', n - 100);
  if (n < 1000) return joined(`${indonesianNumberWords(Math.floor(n / 100))} ratus`, n % 100);
  if (n < 2000) return joined('seribu', n - 1000);
  return joined(`${indonesianNumberWords(Math.floor(n / 1000))} ribu`, n % 1000);
}

function joined(head: string, rest: number): string {
  return rest === 0 ? head : `${head} ${indonesianNumberWords(rest)}`;
}
