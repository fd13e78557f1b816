import { fonts, mm } from './pdf-document.js';
import { toWinAnsi } from './win-ansi.js';

/** The kop surat: the body's logo, full name and contacts (site settings), over the unit's name. */
export interface Letterhead {
  organisation: string | null;
  unitName: string;
  address: string | null;
  /** Already labelled, e.g. "Telepon (0761) 123456"; printed on one line. */
  contacts: string[];
  /** PNG or JPEG bytes. */
  logo: Buffer | null;
}

const logoSize = 22 * mm;

/**
 * Draws the letterhead of an Indonesian official document at the top of the text area: the
 * names in capitals, centred on the page, the logo on the left, and the double rule under
 * them. Leaves the cursor below the rule, where the document's text begins.
 */
export function drawLetterhead(doc: PDFKit.PDFDocument, head: Letterhead, area: { left: number; top: number; width: number }): void {
  const { left, width } = area;
  doc.y = area.top;
  const top = doc.y;
  // The text is centred on the page, as on a printed kop; a logo only narrows it on the left.
  const inset = head.logo ? logoSize + 6 : 0;
  const textLeft = left + inset;
  const textWidth = width - 2 * inset;
  if (head.organisation) {
    doc.font(fonts.bold).fontSize(13).text(upper(head.organisation), textLeft, doc.y, { width: textWidth, align: 'center' });
  }
  doc.font(fonts.bold).fontSize(head.organisation ? 12 : 14).text(upper(head.unitName), textLeft, doc.y, { width: textWidth, align: 'center' });
  doc.font(fonts.regular).fontSize(9);
  if (head.address) doc.moveDown(0.2).text(toWinAnsi(head.address), textLeft, doc.y, { width: textWidth, align: 'center' });
  if (head.contacts.length > 0) doc.text(toWinAnsi(head.contacts.join('  |  ')), textLeft, doc.y, { width: textWidth, align: 'center' });
  if (head.logo) {
    try {
      doc.image(head.logo, left, top, { fit: [logoSize, logoSize], align: 'center', valign: 'center' });
    } catch {
      // An image pdfkit cannot read was refused at upload; if one slipped through, the document goes without.
    }
    doc.y = Math.max(doc.y, top + logoSize);
  }
  // The double rule under a kop surat: a heavy line over a thin one.
  const y = doc.y + 6;
  doc.save().lineWidth(2).moveTo(left, y).lineTo(left + width, y).stroke();
  doc.lineWidth(0.6).moveTo(left, y + 3.5).lineTo(left + width, y + 3.5).stroke().restore();
  doc.y = y + 18;
}

function upper(value: string): string {
  return toWinAnsi(value.toLocaleUpperCase('id-ID'));
}
