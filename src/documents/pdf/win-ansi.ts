/**
 * pdfkit's standard fonts (Helvetica, Times) speak WinAnsi only: it writes any other character's
 * UTF-16 code as hex, which corrupts the content stream. Letters carry text typed by people, so
 * everything is brought into WinAnsi first: accents outside it are dropped (ł -> l), and what has no
 * Latin form becomes '?'. Embedding a Unicode font would keep every script, at the cost of shipping
 * a font file; Indonesian letters are Latin script, so the standard fonts do.
 */

/** The Unicode characters that WinAnsi puts at 0x80-0x9F, by their byte. */
export const winAnsiHighBytes: ReadonlyMap<number, string> = new Map([
  [0x80, '\u20ac'], [0x82, '\u201a'], [0x83, '\u0192'], [0x84, '\u201e'], [0x85, '\u2026'], [0x86, '\u2020'],
  [0x87, '\u2021'], [0x88, '\u02c6'], [0x89, '\u2030'], [0x8a, '\u0160'], [0x8b, '\u2039'], [0x8c, '\u0152'],
  [0x8e, '\u017d'], [0x91, '\u2018'], [0x92, '\u2019'], [0x93, '\u201c'], [0x94, '\u201d'], [0x95, '\u2022'],
  [0x96, '\u2013'], [0x97, '\u2014'], [0x98, '\u02dc'], [0x99, '\u2122'], [0x9a, '\u0161'], [0x9b, '\u203a'],
  [0x9c, '\u0153'], [0x9e, '\u017e'], [0x9f, '\u0178'],
]);

const highCharacters = new Set(winAnsiHighBytes.values());

/** Latin letters that Unicode does not decompose into a base letter and an accent. */
const undecomposable: Record<string, string> = { Ł: 'L', ł: 'l', Đ: 'D', đ: 'd', Ħ: 'H', ħ: 'h', ı: 'i', Ŧ: 'T', ŧ: 't' };

function isWinAnsi(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  if (code === 0x0a) return true;
  if (code >= 0x20 && code <= 0x7e) return true;
  if (code >= 0xa0 && code <= 0xff) return true;
  return highCharacters.has(char);
}

export function toWinAnsi(text: string): string {
  let out = '';
  for (const char of text.normalize('NFC').replace(/\r\n?/g, '\n').replace(/\t/g, ' ')) {
    if (isWinAnsi(char)) {
      out += char;
      continue;
    }
    const stripped = (undecomposable[char] ?? char).normalize('NFD').replace(/\p{M}/gu, '');
    out += [...stripped].every(isWinAnsi) && stripped.length > 0 ? stripped : '?';
  }
  return out;
}
