import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { CaseDossier } from '../export-case.js';
import { pdfFlatText, pdfPageCount } from '../letters/pdf-text-for-tests.js';
import { renderCaseDossier } from './render-case-dossier.js';

const exportedAt = new Date('2026-03-13T07:30:00Z');

function aDossier(overrides: { identity?: CaseDossier['case']['reporter']['identity']; mode?: CaseDossier['case']['reporter']['mode']; notes?: number } = {}): CaseDossier {
  const notes = Array.from({ length: overrides.notes ?? 0 }, (_, index) => ({
    sequence: index + 2, type: 'case.note_added' as const, at: exportedAt, actor: { kind: 'staff' as const, userId: 4, name: 'Penangan' }, data: { text: `Catatan ke-${index + 1}` },
  }));
  return {
    exportedAt, exportedBy: { userId: 3, name: 'Koordinator Utama' }, exportEventSequence: notes.length + 2, format: 'pdf',
    includesIdentity: overrides.identity !== undefined && overrides.identity !== null,
    unit: { id: 1, code: 'ADUAN', name: 'Kantor Pusat', timeZone: 'Asia/Makassar' }, handlerName: null,
    case: {
      id: '00000000-0000-4000-8000-000000000001', registerNumber: '2026-000042', status: 'received', channel: 'web',
      title: 'Pungutan liar di loket KTP', description: 'Petugas loket meminta uang tambahan.',
      facts: { what: 'Diminta Rp50.000', where: 'Loket 2', when: 'Senin pagi', who: 'Petugas loket', how: 'Lisan' },
      completeness: { score: 100, missing: [] }, categoryCode: null, unitId: 1, handlerId: null, teamId: null, priority: null, isWhistleblowing: false, concerns: null, concernedStaffIds: [],
      receivedAt: new Date('2026-03-12T01:00:00Z'), submittedAt: new Date('2026-03-12T01:00:00Z'), responseDueAt: null, deadlines: [],
      reporter: { mode: overrides.mode ?? 'confidential', pseudonym: 'Pelapor-7Q2M', identity: overrides.identity ?? null },
      draft: null, correctiveActions: [],
      timeline: [
        { sequence: 1, type: 'complaint.submitted', at: new Date('2026-03-12T01:00:00Z'), actor: { kind: 'reporter', userId: null, name: null }, data: { title: 'Pungutan liar di loket KTP' } },
        ...notes,
        { sequence: notes.length + 2, type: 'case.exported', at: exportedAt, actor: { kind: 'staff', userId: 3, name: 'Koordinator Utama' }, data: { format: 'pdf', includesIdentity: false } },
      ],
    },
    attachments: [{ id: 'a1', fileName: 'bukti.jpg', mediaType: 'image/jpeg', sizeBytes: 2048, sha256: 'ab'.repeat(32), addedBy: 'reporter', addedAt: exportedAt }],
  };
}

describe('the case dossier PDF', () => {
  it('shows the case, its timeline, the attachments and who exported it when, in the unit\'s time zone', async () => {
    const text = pdfFlatText(await renderCaseDossier(aDossier(), { compress: false }));
    for (const expected of ['BERKAS PENGADUAN', '2026-000042', 'Pungutan liar di loket KTP', 'Diminta Rp50.000', '#1', 'complaint.submitted', 'case.exported',
      'Koordinator Utama', 'bukti.jpg', `SHA-256 ${'ab'.repeat(32)}`, 'peristiwa #2', '13 Maret 2026 pukul 15.30 WITA', 'RAHASIA']) {
      assert.ok(text.includes(expected), `missing "${expected}" in: ${text}`);
    }
  });

  it('names the reporter only when the dossier carries the identity', async () => {
    const sealed = pdfFlatText(await renderCaseDossier(aDossier(), { compress: false }));
    assert.ok(sealed.includes('Pelapor-7Q2M'));
    assert.ok(sealed.includes('Identitas pelapor tidak dimuat'));
    const named = pdfFlatText(await renderCaseDossier(aDossier({ identity: { name: 'Rahasia Sekali', phone: '081299999999' } }), { compress: false }));
    assert.ok(named.includes('Rahasia Sekali') && named.includes('081299999999'));
  });

  it('runs onto more pages and numbers every one', async () => {
    const pdf = await renderCaseDossier(aDossier({ notes: 120 }), { compress: false });
    const pages = pdfPageCount(pdf);
    assert.ok(pages >= 3, `${pages} pages`);
    assert.ok(pdfFlatText(pdf).includes(`Halaman ${pages} dari ${pages}`));
  });
});
