import PDFDocument from 'pdfkit';
import type { Locale } from '../../i18n/locale.js';
import { toWinAnsi } from './win-ansi.js';

/** One millimetre in PDF points: page geometry is written in millimetres, as on paper. */
export const mm = 72 / 25.4;

/**
 * pdfkit's standard fonts, which need no font file: text drawn in them must first pass
 * through `toWinAnsi`.
 */
export const fonts = {
  regular: 'Helvetica',
  bold: 'Helvetica-Bold',
  italic: 'Helvetica-Oblique',
  mono: 'Courier-Bold',
} as const;

export interface PdfMargins {
  top: number;
  left: number;
  right: number;
  bottom: number;
}

export interface PdfSetup {
  locale: Locale;
  margins: PdfMargins;
  /**
   * The document's date. Its metadata and its file ID are derived from it, never from the
   * clock, so the same input always gives the same bytes.
   */
  datedAt: Date;
  title: string;
  subject?: string;
  author?: string;
  /** Deflate the page streams (the default). Tests turn it off to read the text. */
  compress?: boolean;
  /** Keep every page open until the end, to draw on all of them once the count is known. */
  bufferPages?: boolean;
}

export interface OpenPdf {
  doc: PDFKit.PDFDocument;
  /** The finished file, once `doc.end()` has been called. */
  done: Promise<Buffer>;
}

/**
 * Starts an A4 document the way every Aduan PDF starts: its language, its title shown by
 * viewers instead of the file name, and metadata that name Aduan and carry `datedAt`.
 */
export function openPdf(setup: PdfSetup): OpenPdf {
  const doc = new PDFDocument({
    size: 'A4',
    margins: setup.margins,
    ...(setup.bufferPages === undefined ? {} : { bufferPages: setup.bufferPages }),
    ...(setup.compress === undefined ? {} : { compress: setup.compress }),
    lang: documentLanguage(setup.locale),
    displayTitle: true,
    info: pdfInfo(setup),
  });
  return { doc, done: collect(doc) };
}

/** The PDF's `/Lang`: the language a screen reader reads it in. */
export function documentLanguage(locale: Locale): string {
  return locale === 'en' ? 'en-GB' : 'id-ID';
}

/**
 * The document information dictionary. The order of its entries is part of the file ID
 * pdfkit derives from it, so it is fixed here: title, subject, author, then Aduan's names
 * and the dates.
 */
export function pdfInfo(setup: Pick<PdfSetup, 'title' | 'subject' | 'author' | 'datedAt'>): PDFKit.DocumentInfo {
  return {
    Title: toWinAnsi(setup.title),
    ...(setup.subject === undefined ? {} : { Subject: toWinAnsi(setup.subject) }),
    ...(setup.author === undefined ? {} : { Author: toWinAnsi(setup.author) }),
    Creator: 'Aduan',
    Producer: 'Aduan (PDFKit)',
    CreationDate: setup.datedAt,
    ModDate: setup.datedAt,
  };
}

/**
 * Draws on every page once the document is laid out (it must buffer its pages): page
 * numbers "n of m", running footers. Below the bottom margin pdfkit would start a new page,
 * so the margin is lifted while `draw` runs.
 */
export function drawOnEveryPage(doc: PDFKit.PDFDocument, draw: (pageNumber: number, pageCount: number) => void): void {
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    draw(index - range.start + 1, range.count);
    doc.page.margins.bottom = bottomMargin;
  }
}

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}
