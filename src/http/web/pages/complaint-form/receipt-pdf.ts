import PDFDocument from 'pdfkit';
import { toWinAnsi } from '../../../../app/case-handling/letters/win-ansi.js';
import { formatDateTime } from '../../format.js';
import type { WebContext } from '../../web-context.js';
import { factKeys, modeKeys } from './receipt-page.js';
import type { ReceiptTicket } from './receipt-ticket.js';

const mm = 72 / 25.4;

/**
 * The receipt as an A4 PDF to keep or print: the same facts as the page, the tracking code
 * in large monospaced type. Built on request from the sealed ticket; never stored.
 */
export function renderReceiptPdf(ctx: WebContext, ticket: ReceiptTicket, options: { organisation: string | null; timeZone: string; trackUrl: string }): Promise<Buffer> {
  const { t, locale } = ctx;
  const receivedAt = new Date(ticket.receivedAt);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 20 * mm, left: 20 * mm, right: 20 * mm, bottom: 20 * mm },
    lang: locale === 'en' ? 'en-GB' : 'id-ID',
    displayTitle: true,
    info: {
      Title: toWinAnsi(`${t('receipt.pdf.title')} ${ticket.registerNumber}`),
      Creator: 'Aduan',
      Producer: 'Aduan (PDFKit)',
      CreationDate: receivedAt,
      ModDate: receivedAt,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const text = (value: string) => toWinAnsi(value);
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;

  doc.font('Helvetica').fontSize(10).fillColor('#444444').text(text(options.organisation ?? t('site.name')), { width });
  doc.font('Helvetica-Bold').fontSize(20).fillColor('#000000').text(text(t('receipt.pdf.title')), { width }).moveDown(0.8);

  const row = (label: string, value: string, large = false) => {
    doc.font('Helvetica').fontSize(10).fillColor('#444444').text(text(label), { width });
    doc.font(large ? 'Courier-Bold' : 'Helvetica').fontSize(large ? 22 : 12).fillColor('#000000').text(text(value), { width }).moveDown(0.6);
  };
  row(t('receipt.registerNumber'), ticket.registerNumber, true);
  row(t('receipt.trackingCode'), ticket.trackingCode, true);
  row(t('receipt.pdf.submittedAt'), formatDateTime(locale, receivedAt, options.timeZone));
  row(t('receipt.identity'), t(modeKeys[ticket.identityMode]));

  doc.moveDown(0.4);
  const boxTop = doc.y;
  doc.font('Helvetica-Bold').fontSize(12).text(text(t('receipt.warning.title')), doc.page.margins.left + 10, boxTop + 10, { width: width - 20 });
  doc.font('Helvetica').fontSize(10).moveDown(0.3)
    .text(text(t('receipt.pdf.keep')), { width: width - 20 }).moveDown(0.3)
    .text(text(t('receipt.warning.secret')), { width: width - 20 });
  doc.rect(doc.page.margins.left, boxTop, width, doc.y - boxTop + 10).lineWidth(1.5).stroke('#000000');
  doc.x = doc.page.margins.left;
  doc.y += 24;

  const missing = ticket.missing.flatMap((fact) => (factKeys[fact] ? [t(factKeys[fact]).toLowerCase()] : []));
  if (missing.length > 0) doc.font('Helvetica').fontSize(10).text(text(t('receipt.missing', { facts: missing.join(', ') })), { width }).moveDown(0.5);
  doc.font('Helvetica').fontSize(10).text(text(t('receipt.pdf.trackAt', { url: options.trackUrl })), { width });
  doc.end();
  return done;
}
