import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderResponseLetter, type ResponseLetterInput } from './render-response-letter.js';
import { pdfFlatText, pdfPageCount, pdfText } from '../../../test/support/pdf-text.js';

const letter = (overrides: Partial<ResponseLetterInput> = {}): ResponseLetterInput => ({
  locale: 'id',
  unit: { name: 'KPKNL Pekanbaru', timeZone: 'Asia/Jakarta' },
  letterhead: {
    organisation: 'Kementerian Keuangan Republik Indonesia',
    address: 'Jl. Jend. Sudirman No. 24, Pekanbaru 28111',
    phone: '(0761) 123456',
    email: 'kpknl.pekanbaru@kemenkeu.go.id',
    website: 'https://www.djkn.kemenkeu.go.id',
    logo: null,
  },
  letterNumber: '123/ADUAN/XI/2026',
  signedAt: new Date('2026-11-23T03:00:00Z'),
  place: 'Pekanbaru',
  registerNumber: '2026-000123',
  receivedAt: new Date('2026-11-03T02:15:00Z'),
  reporter: { kind: 'named', name: 'Siti Rahmawati', address: 'Jl. Arifin Achmad No. 7, Pekanbaru' },
  isConfidential: false,
  finding: 'partly_substantiated',
  responseText: 'Petugas loket telah kami tegur.\n\nAntrean kini dibuka pukul 07.30 WIB.',
  correctiveActions: [{ description: 'Menambah satu petugas loket pada jam sibuk', dueOn: '2026-12-15' }],
  signer: { name: 'Dewi Lestari', position: 'Kepala Kantor', unitName: 'KPKNL Pekanbaru', nip: '197801012005012001' },
  isSignedElectronically: true,
  verification: { code: '7KQ2M-X9DHF', url: 'https://aduan.example.go.id/verifikasi/7KQ2MX9DHF' },
  approvals: [
    { name: 'Andi Pratama', positionTitle: 'Kepala Seksi Kepatuhan Internal', approvedAt: new Date('2026-11-20T02:00:00Z') },
    { name: 'Dewi Lestari', positionTitle: 'Kepala Kantor', approvedAt: new Date('2026-11-23T03:00:00Z') },
  ],
  appealWindowDays: 14,
  trackingPageUrl: 'https://aduan.example.go.id/lacak',
  ...overrides,
});

const render = (input: ResponseLetterInput) => renderResponseLetter(input, { compress: false });

describe('renderResponseLetter', () => {
  it('makes a one-page PDF with the letter number, register number, date and finding', async () => {
    const pdf = await render(letter());
    const text = pdfFlatText(pdf);

    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.equal(pdfPageCount(pdf), 1);
    assert.match(text, /123\/ADUAN\/XI\/2026/);
    assert.match(text, /Perihal : Tanggapan atas Pengaduan Nomor Register 2026-000123/);
    assert.match(text, /Sifat : Biasa/);
    assert.match(text, /KEMENTERIAN KEUANGAN REPUBLIK INDONESIA KPKNL PEKANBARU/);
    assert.match(text, /Pekanbaru, 23 November 2026/);
    assert.match(text, /kami terima pada tanggal 3 November 2026 dengan nomor register 2026-000123/);
    assert.match(text, /dinyatakan terbukti sebagian/);
    assert.match(text, /Menambah satu petugas loket pada jam sibuk \(target selesai 15 Desember 2026\)/);
    assert.match(text, /dalam waktu 14 \(empat belas\) hari sejak tanggal surat ini/);
    assert.match(text, /kode pelacakan Saudara melalui laman https:\/\/aduan\.example\.go\.id\/lacak/);
    assert.match(text, /Ditandatangani secara elektronik/);
    assert.match(text, /Kepala Kantor KPKNL Pekanbaru, Ditandatangani secara elektronik Dewi Lestari NIP\. 197801012005012001/);
    assert.match(text, /Telepon \(0761\) 123456 \| Surel kpknl\.pekanbaru@kemenkeu\.go\.id \| Laman https:\/\/www\.djkn\.kemenkeu\.go\.id/);
    assert.match(text, /https:\/\/aduan\.example\.go\.id\/verifikasi\/7KQ2MX9DHF Kode verifikasi: 7KQ2M-X9DHF/);
    assert.match(text, /Andi Pratama, Kepala Seksi Kepatuhan Internal, disetujui 20 November 2026 pukul 09\.00 WIB/);
    assert.match(text, /Nomor register 2026-000123 Halaman 1 dari 1/);
  });

  it('says it is not signed electronically when no certificate signs it, and draws no signature box', async () => {
    const pdf = await render(letter({ isSignedElectronically: false }));
    const text = pdfFlatText(pdf);

    assert.match(text, /Dokumen ini tidak ditandatangani secara elektronik/);
    assert.doesNotMatch(text, /Ditandatangani secara/);
    assert.match(text, /Kode verifikasi: 7KQ2M-X9DHF/);
  });

  it('puts the date alone on the date line when no place is set, never a unit name', async () => {
    const text = pdfText(await render(letter({ place: '' })));

    assert.match(text, /^23 November 2026$/m);
    assert.doesNotMatch(text, /KPKNL Pekanbaru, 23 November/);
  });

  it('draws the logo in the letterhead when one is set', async () => {
    const logo = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
    const raw = (await render(letter({ letterhead: { ...letter().letterhead, logo } }))).toString('latin1');

    assert.match(raw, /\/Subtype \/Image/);
  });

  it('addresses a named reporter by name and address', async () => {
    const text = pdfFlatText(await render(letter()));

    assert.match(text, /Yth\. Sdr\. Siti Rahmawati Jl\. Arifin Achmad No\. 7, Pekanbaru/);
  });

  it('names nobody in a letter to a pseudonymous reporter', async () => {
    const pdf = await render(letter({ reporter: { kind: 'pseudonymous' } }));
    const text = pdfFlatText(pdf);

    assert.match(text, /Yth\. Pelapor pengaduan nomor register 2026-000123/);
    assert.doesNotMatch(text, /Siti|Rahmawati|Arifin/);
    assert.doesNotMatch(pdf.toString('latin1'), /Siti|Rahmawati/);
  });

  it('marks a confidential letter secret and leaves out the sealed name even when given', async () => {
    const pdf = await render(letter({ isConfidential: true }));
    const text = pdfFlatText(pdf);

    assert.match(text, /Sifat : Rahasia/);
    assert.match(text, /Yth\. Pelapor pengaduan nomor register 2026-000123/);
    assert.doesNotMatch(text, /Siti|Rahmawati|Arifin/);
  });

  it('flows a long response onto further pages, with the register number and page on each', async () => {
    const paragraph =
      'Tim kami telah memeriksa catatan antrean, rekaman kamera pengawas, dan keterangan petugas yang bertugas ' +
      'pada hari itu. Hasil pemeriksaan menunjukkan bahwa waktu tunggu memang melebihi standar pelayanan. ';
    const pdf = await render(letter({ responseText: Array.from({ length: 40 }, () => paragraph.repeat(2)).join('\n\n') }));
    const pages = pdfPageCount(pdf);
    const text = pdfText(pdf);

    assert.ok(pages > 1, `expected more than one page, got ${pages}`);
    assert.equal(text.match(/^Nomor register 2026-000123$/gm)?.length, pages);
    assert.match(text, new RegExp(`^Halaman ${pages} dari ${pages}$`, 'm'));
  });

  it('dates the letter in the unit’s own time zone', async () => {
    const lateEvening = new Date('2026-11-22T16:30:00Z');
    const inJakarta = pdfFlatText(await render(letter({ signedAt: lateEvening })));
    const inJayapura = pdfFlatText(
      await render(letter({ signedAt: lateEvening, unit: { name: 'Kantor Jayapura', timeZone: 'Asia/Jayapura' } })),
    );

    assert.match(inJakarta, /Pekanbaru, 22 November 2026/);
    assert.match(inJayapura, /Pekanbaru, 23 November 2026/);
  });

  it('writes the letter in English on request', async () => {
    const text = pdfFlatText(await render(letter({ locale: 'en', finding: 'unsubstantiated' })));

    assert.match(text, /Subject : Response to Complaint Register Number 2026-000123/);
    assert.match(text, /Dear Siti Rahmawati,/);
    assert.match(text, /we find it not substantiated ?\./);
    assert.match(text, /appeal within 14 days of the date of this letter using register number 2026-000123/);
    assert.match(text, /Page 1 of 1/);
  });

  it('prints names outside the standard fonts’ alphabet without corrupting the text', async () => {
    const text = pdfFlatText(await render(letter({ reporter: { kind: 'named', name: 'Łukasz Nowak — 王' } })));

    assert.match(text, /Yth\. Sdr\. Lukasz Nowak — \?/);
  });

  it('gives the same bytes for the same input, dated and titled from the letter', async () => {
    const first = await renderResponseLetter(letter());
    const second = await renderResponseLetter(letter());
    const raw = first.toString('latin1');

    const info = (key: string) => {
      const ref = new RegExp(`/${key} (\\d+) 0 R`).exec(raw)?.[1];
      return ref === undefined ? undefined : new RegExp(`\\n${ref} 0 obj\\n\\((.*)\\)\\nendobj`).exec(raw)?.[1];
    };

    assert.ok(first.equals(second));
    assert.equal(info('CreationDate'), 'D:20261123030000Z');
    assert.equal(info('Subject'), 'Tanggapan atas Pengaduan Nomor Register 2026-000123');
    assert.equal(info('Title'), 'Tanggapan atas Pengaduan Nomor Register 2026-000123 \\(123/ADUAN/XI/2026\\)');
  });

  it('refuses an appeal window that is not a positive number of days', () => {
    assert.throws(() => renderResponseLetter(letter({ appealWindowDays: 0 })), RangeError);
  });
});
