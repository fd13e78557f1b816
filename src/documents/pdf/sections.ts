import { fonts } from './pdf-document.js';
import { toWinAnsi } from './win-ansi.js';

/** Where a document's running text goes on the page, and its body size. */
export interface TextColumn {
  left: number;
  width: number;
  bottomMargin: number;
  bodySize: number;
}

/**
 * A section title over a thin rule, as in a dossier or a report. A title is never left
 * alone at the foot of a page: with too little room below it, it starts the next one.
 */
export function drawSectionHeading(doc: PDFKit.PDFDocument, column: TextColumn, title: string): void {
  const { left, width } = column;
  if (doc.y > doc.page.height - column.bottomMargin - 60) doc.addPage();
  doc.moveDown(0.8).font(fonts.bold).fontSize(12).text(toWinAnsi(title), left, doc.y, { width });
  doc.save().lineWidth(0.5).strokeColor('#9ca3af').moveTo(left, doc.y + 1).lineTo(left + width, doc.y + 1).stroke().restore();
  doc.moveDown(0.4).font(fonts.regular).fontSize(column.bodySize);
}

/** Label and value side by side, the label in bold; an empty value shows as "-". */
export function drawLabelledRows(doc: PDFKit.PDFDocument, column: TextColumn, pairs: [string, string][], labelWidth = 130): void {
  const { left, width } = column;
  for (const [label, value] of pairs) {
    const y = doc.y;
    doc.font(fonts.bold).fontSize(column.bodySize).text(toWinAnsi(label), left, y, { width: labelWidth });
    const labelBottom = doc.y;
    doc.font(fonts.regular).text(toWinAnsi(value === '' ? '-' : value), left + labelWidth + 8, y, { width: width - labelWidth - 8 });
    doc.y = Math.max(doc.y, labelBottom) + 2;
  }
}
