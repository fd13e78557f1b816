import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pdfFlatText } from '../../../test/support/pdf-text.js';
import { drawLetterhead, type Letterhead } from './letterhead.js';
import { mm, openPdf } from './pdf-document.js';

const margins = { top: 15 * mm, left: 25 * mm, right: 20 * mm, bottom: 25 * mm };

async function withLetterhead(head: Letterhead): Promise<{ text: string; below: number }> {
  const { doc, done } = openPdf({ locale: 'id', margins, datedAt: new Date('2026-11-23T03:00:00Z'), title: 'Kop', compress: false });
  drawLetterhead(doc, head, { left: margins.left, top: margins.top, width: doc.page.width - margins.left - margins.right });
  const below = doc.y;
  doc.end();
  return { text: pdfFlatText(await done), below };
}

const head: Letterhead = {
  organisation: 'Kementerian Keuangan', unitName: 'KPKNL Pekanbaru', address: 'Jl. Jend. Sudirman No. 24',
  contacts: ['Telepon (0761) 123456', 'Surel kpknl@kemenkeu.go.id'], logo: null,
};

describe('drawLetterhead', () => {
  it('prints the body and the unit in capitals over the address and the contacts on one line', async () => {
    const { text } = await withLetterhead(head);
    assert.match(text, /KEMENTERIAN KEUANGAN KPKNL PEKANBARU Jl\. Jend\. Sudirman No\. 24 Telepon \(0761\) 123456 \| Surel kpknl@kemenkeu\.go\.id/);
  });

  it('prints only the unit when the body has no name and no contacts are set', async () => {
    const { text } = await withLetterhead({ ...head, organisation: null, address: null, contacts: [] });
    assert.equal(text.trim(), 'KPKNL PEKANBARU');
  });

  it('leaves the cursor below the logo and the double rule', async () => {
    const logo = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC', 'base64',
    );
    const { below } = await withLetterhead({ ...head, organisation: null, address: null, contacts: [], logo });
    assert.ok(below > margins.top + 22 * mm, `text starts at ${below}`);
  });
});
