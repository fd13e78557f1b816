import { winAnsiHighBytes } from '../../src/documents/pdf/win-ansi.js';

/**
 * The text an uncompressed pdfkit PDF shows, one line per text object, for tests. pdfkit writes
 * standard-font text as hex strings in `TJ` arrays; numbers between them are kerning, or, in
 * justified lines, the word gaps that replace spaces (pdfkit drops the space characters there),
 * so a large rightward move is read back as a space.
 */
export function pdfText(pdf: Buffer): string {
  const content = pdf.toString('latin1');
  const lines: string[] = [];
  for (const [, array = ''] of content.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
    let line = '';
    for (const [, hex, number] of array.matchAll(/<([0-9a-fA-F]*)>|(-?\d+(?:\.\d+)?)/g)) {
      if (hex !== undefined) line += decodeWinAnsiHex(hex);
      else if (Number(number) <= -150) line += ' ';
    }
    lines.push(line);
  }
  return lines.join('\n');
}

/** The same text with line breaks and runs of spaces collapsed, to find phrases that wrap. */
export function pdfFlatText(pdf: Buffer): string {
  return pdfText(pdf).replace(/\s+/g, ' ');
}

export function pdfPageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0;
}

function decodeWinAnsiHex(hex: string): string {
  let out = '';
  for (let i = 0; i + 1 < hex.length; i += 2) {
    const byte = Number.parseInt(hex.slice(i, i + 2), 16);
    out += winAnsiHighBytes.get(byte) ?? String.fromCharCode(byte);
  }
  return out;
}
