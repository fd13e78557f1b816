import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pdfFlatText, pdfPageCount } from '../../../test/support/pdf-text.js';
import { documentLanguage, drawOnEveryPage, mm, openPdf, pdfInfo } from './pdf-document.js';

const datedAt = new Date('2026-11-23T03:00:00Z');
const margins = { top: 20 * mm, left: 20 * mm, right: 20 * mm, bottom: 20 * mm };

async function twoPages(compress = false): Promise<Buffer> {
  const { doc, done } = openPdf({ locale: 'id', margins, datedAt, title: 'Uji', bufferPages: true, compress });
  doc.text('Halaman satu');
  doc.addPage().text('Halaman dua');
  drawOnEveryPage(doc, (pageNumber, pageCount) => doc.text(`Halaman ${pageNumber} dari ${pageCount}`, margins.left, doc.page.height - 10 * mm));
  doc.end();
  return done;
}

describe('the PDF kit', () => {
  it('names Aduan, the title and the date in the metadata, in a fixed order, in WinAnsi', () => {
    const info = pdfInfo({ title: 'Berkas Łódź', subject: 'Perihal', author: 'Unit', datedAt });
    assert.deepEqual(Object.keys(info), ['Title', 'Subject', 'Author', 'Creator', 'Producer', 'CreationDate', 'ModDate']);
    assert.equal(info.Title, 'Berkas Lódz');
    assert.equal(info.Producer, 'Aduan (PDFKit)');
    assert.equal(info.CreationDate, datedAt);
    assert.equal(info.ModDate, datedAt);
  });

  it('leaves out the subject and author when a document has none', () => {
    assert.deepEqual(Object.keys(pdfInfo({ title: 'Tanda terima', datedAt })), ['Title', 'Creator', 'Producer', 'CreationDate', 'ModDate']);
  });

  it('marks the document Indonesian unless it is written in English', () => {
    assert.equal(documentLanguage('id'), 'id-ID');
    assert.equal(documentLanguage('en'), 'en-GB');
  });

  it('gives the same bytes for the same content and date', async () => {
    assert.deepEqual(await twoPages(true), await twoPages(true));
  });

  it('draws on every page once the page count is known, without adding pages', async () => {
    const pdf = await twoPages();
    assert.equal(pdfPageCount(pdf), 2);
    assert.match(pdfFlatText(pdf), /Halaman 1 dari 2.*Halaman 2 dari 2/);
  });
});
