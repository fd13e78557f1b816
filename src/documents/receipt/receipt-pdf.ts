import type { IdentityMode } from '../../domain/complaint/identity.js';
import type { Locale } from '../../i18n/locale.js';
import { fonts, mm, openPdf } from '../pdf/pdf-document.js';
import { toWinAnsi as text } from '../pdf/win-ansi.js';
import { formatReceiptDateTime, receiptWording } from './receipt-wording.js';

/** The facts a receipt prints; the tracking code is readable only here, once. */
export interface ReceiptFacts {
  registerNumber: string;
  trackingCode: string;
  /** ISO instant the complaint was received. */
  receivedAt: string;
  identityMode: IdentityMode;
  /** The 5W1H facts left unanswered. */
  missing: string[];
}

export interface ReceiptPdfOptions {
  /** The body's name at the top; the product's name when none is set. */
  organisation: string | null;
  timeZone: string;
  trackUrl: string;
}

/**
 * The receipt as an A4 PDF to keep or print: the register number and the tracking code in
 * large monospaced type, when it was received, and how to follow it. The portal gives it to
 * a reporter after the form; the desk gives it to the reporter an intake officer served.
 * Built on request; never stored.
 */
export function renderReceiptPdf(locale: Locale, receipt: ReceiptFacts, options: ReceiptPdfOptions): Promise<Buffer> {
  const words = receiptWording[locale];
  const receivedAt = new Date(receipt.receivedAt);
  const { doc, done } = openPdf({
    locale,
    margins: { top: 20 * mm, left: 20 * mm, right: 20 * mm, bottom: 20 * mm },
    datedAt: receivedAt,
    title: `${words.title} ${receipt.registerNumber}`,
  });
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;

  doc.font(fonts.regular).fontSize(10).fillColor('#444444').text(text(options.organisation ?? 'Aduan'), { width });
  doc.font(fonts.bold).fontSize(20).fillColor('#000000').text(text(words.title), { width }).moveDown(0.8);

  const row = (label: string, value: string, large = false) => {
    doc.font(fonts.regular).fontSize(10).fillColor('#444444').text(text(label), { width });
    doc.font(large ? fonts.mono : fonts.regular).fontSize(large ? 22 : 12).fillColor('#000000').text(text(value), { width }).moveDown(0.6);
  };
  row(words.registerNumber, receipt.registerNumber, true);
  row(words.trackingCode, receipt.trackingCode, true);
  row(words.receivedAt, formatReceiptDateTime(locale, receivedAt, options.timeZone));
  row(words.identity, words.modes[receipt.identityMode]);

  doc.moveDown(0.4);
  const boxTop = doc.y;
  doc.font(fonts.bold).fontSize(12).text(text(words.warningTitle), doc.page.margins.left + 10, boxTop + 10, { width: width - 20 });
  doc.font(fonts.regular).fontSize(10).moveDown(0.3)
    .text(text(words.keep), { width: width - 20 }).moveDown(0.3)
    .text(text(words.secret), { width: width - 20 });
  doc.rect(doc.page.margins.left, boxTop, width, doc.y - boxTop + 10).lineWidth(1.5).stroke('#000000');
  doc.x = doc.page.margins.left;
  doc.y += 24;

  const missing = receipt.missing.flatMap((fact) => (words.facts[fact] ? [words.facts[fact]] : []));
  if (missing.length > 0) doc.font(fonts.regular).fontSize(10).text(text(words.missing(missing.join(', '))), { width }).moveDown(0.5);
  doc.font(fonts.regular).fontSize(10).text(text(words.trackAt(options.trackUrl)), { width });
  doc.end();
  return done;
}
