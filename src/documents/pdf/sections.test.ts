import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pdfFlatText, pdfPageCount } from '../../../test/support/pdf-text.js';
import { mm, openPdf } from './pdf-document.js';
import { drawLabelledRows, drawSectionHeading, type TextColumn } from './sections.js';

const margins = { top: 18 * mm, left: 20 * mm, right: 20 * mm, bottom: 22 * mm };

async function draw(steps: (doc: PDFKit.PDFDocument, column: TextColumn) => void): Promise<Buffer> {
  const { doc, done } = openPdf({ locale: 'id', margins, datedAt: new Date('2026-03-13T07:30:00Z'), title: 'Uji', compress: false });
  steps(doc, { left: margins.left, width: doc.page.width - margins.left - margins.right, bottomMargin: margins.bottom, bodySize: 10 });
  doc.end();
  return done;
}

describe('the section pieces', () => {
  it('prints labels beside their values and a dash for an empty value', async () => {
    const pdf = await draw((doc, column) => {
      drawSectionHeading(doc, column, 'Pengaduan');
      drawLabelledRows(doc, column, [['Judul', 'Pungutan liar'], ['Kategori', '']]);
    });
    assert.match(pdfFlatText(pdf), /Pengaduan Judul Pungutan liar Kategori -/);
  });

  it('starts a heading on a new page rather than leave it alone at the foot of one', async () => {
    const pdf = await draw((doc, column) => {
      doc.y = doc.page.height - margins.bottom - 50;
      drawSectionHeading(doc, column, 'Riwayat');
    });
    assert.equal(pdfPageCount(pdf), 2);
  });

  it('keeps a heading on the page when there is room below it', async () => {
    const pdf = await draw((doc, column) => drawSectionHeading(doc, column, 'Riwayat'));
    assert.equal(pdfPageCount(pdf), 1);
  });
});
