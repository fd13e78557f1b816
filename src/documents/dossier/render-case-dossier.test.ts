import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { CaseDossier } from './case-dossier.js';
import { pdfFlatText, pdfPageCount } from '../../../test/support/pdf-text.js';
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
    names: { units: { 1: 'Kantor Pusat', 2: 'Seksi Pelayanan' }, staff: { 3: 'Koordinator Utama', 4: 'Siti Aminah', 5: 'Dewi Lestari' }, categories: { 'service.facilities': 'Sarana dan prasarana' } },
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
    for (const expected of ['BERKAS PENGADUAN', '2026-000042', 'Pungutan liar di loket KTP', 'Diminta Rp50.000', 'Pengaduan diterima', 'Berkas diekspor (PDF)', 'Situs web',
      'Koordinator Utama', 'bukti.jpg', `SHA-256 ${'ab'.repeat(32)}`, 'peristiwa #2', '13 Maret 2026 pukul 15.30 WITA', 'RAHASIA']) {
      assert.ok(text.includes(expected), `missing "${expected}" in: ${text}`);
    }
  });

  it('tells the timeline in words, with names instead of ids and labels instead of codes', async () => {
    const dossier = aDossier();
    const staff = (userId: number) => ({ kind: 'staff' as const, userId, name: dossier.names.staff[userId] ?? null });
    const at = new Date('2026-03-12T01:14:00Z');
    dossier.case = {
      ...dossier.case, categoryCode: 'service.facilities', priority: 'high', status: 'responded',
      draft: { draftNumber: 1, finding: 'substantiated', text: 'Loket diperbaiki.', level: 1, levels: 1, approvals: [{ level: 1, approverId: 5 }] },
      timeline: [
        { sequence: 2, type: 'case.verified', at, actor: staff(3), data: { result: 'indicated', note: 'Ada indikasi', draftReply: null } },
        { sequence: 3, type: 'case.triaged', at, actor: staff(3), data: { categoryCode: 'service.facilities', urgency: 3, impact: 3, priority: 'high', isWhistleblowing: false } },
        { sequence: 4, type: 'case.assigned', at, actor: staff(5), data: { unitId: 2, handlerId: 4, teamId: null, instructions: 'Periksa loket' } },
        { sequence: 5, type: 'response.submitted_for_approval', at, actor: staff(4), data: { draftNumber: 1, chain: [{ role: 'head', unitId: 1, holderIds: [5] }] } },
        { sequence: 6, type: 'response.approved', at, actor: staff(5), data: { draftNumber: 1, level: 0, approverId: 5, note: 'Setuju' } },
        { sequence: 7, type: 'response.sent', at, actor: staff(3), data: { draftNumber: 1, finding: 'substantiated', text: 'Loket diperbaiki.' } },
      ],
    };
    const text = pdfFlatText(await renderCaseDossier(dossier, { compress: false }));
    for (const expected of ['12 Maret 2026 pukul 09.14 WITA — Koordinator Utama', 'Diverifikasi: ada indikasi kebenaran', 'kategori Sarana dan prasarana, prioritas tinggi',
      'Didisposisikan ke Seksi Pelayanan, penangan Siti Aminah', 'Disetujui pada tingkat 1 oleh Dewi Lestari', 'pengaduan terbukti', 'Temuan terbukti', 'Prioritas tinggi']) {
      assert.ok(text.includes(expected), `missing "${expected}" in: ${text}`);
    }
    for (const code of ['case.triaged', 'case.assigned', 'unitId', 'substantiated', 'service.facilities', 'approverId', '{"', 'high']) {
      assert.ok(!text.includes(code), `"${code}" printed in: ${text}`);
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

describe('the case dossier PDF in English', () => {
  const indonesianLabels = ['BERKAS', 'Nomor register', 'Judul', 'Saluran', 'Kategori', 'Prioritas', 'Penangan', 'Diterima', 'Dicatat', 'Batas waktu', 'Kelengkapan',
    'Jenis identitas', 'Nama samaran', 'Identitas pelapor', 'Uraian', 'Di mana', 'Kapan', 'Siapa', 'Bagaimana', 'Riwayat', 'Lampiran', 'Diekspor', 'Halaman', 'dari',
    'RAHASIA', 'Situs web', 'Maret', 'pukul', 'Pengaduan diterima', 'Diverifikasi', 'Diklasifikasikan', 'Didisposisikan', 'Disetujui', 'Tanggapan dikirim', 'Temuan',
    'Tindakan perbaikan', 'peristiwa', 'bita', 'oleh', 'pelapor', 'Rancangan'];

  it('prints every label, sentence and date in English', async () => {
    const dossier = aDossier();
    const staff = (userId: number) => ({ kind: 'staff' as const, userId, name: dossier.names.staff[userId] ?? null });
    const at = new Date('2026-03-12T01:14:00Z');
    dossier.case = {
      ...dossier.case, categoryCode: 'service.facilities', priority: 'high', status: 'responded',
      draft: { draftNumber: 1, finding: 'substantiated', text: 'Loket diperbaiki.', level: 1, levels: 1, approvals: [{ level: 1, approverId: 5 }] },
      correctiveActions: [{ actionId: 1, description: 'Pasang papan tarif', ownerId: 4, dueOn: '2026-04-01', isCompleted: false }],
      timeline: [
        { sequence: 1, type: 'complaint.submitted', at: new Date('2026-03-12T01:00:00Z'), actor: { kind: 'reporter', userId: null, name: null }, data: { title: 'x' } },
        { sequence: 2, type: 'case.verified', at, actor: staff(3), data: { result: 'indicated', note: null, draftReply: null } },
        { sequence: 3, type: 'case.triaged', at, actor: staff(3), data: { categoryCode: 'service.facilities', urgency: 3, impact: 3, priority: 'high', isWhistleblowing: false } },
        { sequence: 4, type: 'case.assigned', at, actor: staff(5), data: { unitId: 2, handlerId: 4, teamId: null, instructions: null } },
        { sequence: 5, type: 'response.approved', at, actor: staff(5), data: { draftNumber: 1, level: 0, approverId: 5, note: null } },
        { sequence: 6, type: 'response.sent', at, actor: staff(3), data: { draftNumber: 1, finding: 'substantiated', text: 'Loket diperbaiki.' } },
        { sequence: 7, type: 'case.exported', at: exportedAt, actor: staff(3), data: { format: 'pdf', includesIdentity: false } },
      ],
    };
    const text = pdfFlatText(await renderCaseDossier(dossier, { compress: false, locale: 'en' }));
    for (const expected of ['COMPLAINT FILE', 'Register number 2026-000042', 'CONFIDENTIAL', 'Title', 'Channel', 'Website', 'Category', 'Sarana dan prasarana', 'Priority', 'high',
      'Received', 'Response due', 'Reporter', 'Pseudonym', 'Pelapor-7Q2M', 'not included in this file', 'Description', 'Where', 'History', 'Attachments', '2,048 bytes',
      '12 March 2026 at 09:14 WITA — Koordinator Utama', 'Complaint received', 'Verified: there are indications it is true', 'Classified: category Sarana dan prasarana, priority high',
      'Assigned to Seksi Pelayanan, handler Siti Aminah', 'Approved at level 1 by Dewi Lestari', 'Response sent to the reporter: complaint substantiated',
      'Draft response 1', 'Finding', 'Corrective actions', '[in progress] Pasang papan tarif (due 1 April 2026)', 'File exported (PDF)', 'Exported by Koordinator Utama on 13 March 2026 at 15:30 WITA', 'event #2', 'Page 1 of ']) {
      assert.ok(text.includes(expected), `missing "${expected}" in: ${text}`);
    }
    for (const label of indonesianLabels) assert.ok(!text.includes(label), `Indonesian "${label}" printed in: ${text}`);
  });
});
