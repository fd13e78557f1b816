import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixedClock, startTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { caseDriver } from '../../../../test/support/case-driver.js';
import { aSelfSignedP12 } from '../../../../test/support/signing-certificate.js';
import { aStaffMember, aUnit, rootUnitId } from '../../../../test/support/staff.js';

let t: TestApp;
const clock = fixedClock(new Date('2026-03-13T02:00:00Z'));
type Staff = Awaited<ReturnType<typeof aStaffMember>>;
let root: number;
let division: number;
let admin: Staff, coordinator: Staff, rootHead: Staff, divisionHead: Staff, handler: Staff;
let dir: string;

before(async () => {
  t = await startTestApp({ clock });
  dir = mkdtempSync(join(tmpdir(), 'aduan-letters-'));
  root = await rootUnitId(t);
  await t.deps.db.updateTable('units').set({ name: 'Pemerintah Kota Bandung', approvalChain: JSON.stringify([{ role: 'head', unitsUp: 0 }]) }).where('id', '=', root).execute();
  division = await aUnit(t, { code: 'UMUM', name: 'Bagian Umum', parentId: root, approvalChain: [{ role: 'head', unitsUp: 0 }, { role: 'head', unitsUp: 1 }] });
  admin = await aStaffMember(t, { unitId: root, roles: ['admin'] });
  coordinator = await aStaffMember(t, { unitId: root, roles: ['coordinator'], name: 'Koordinator' });
  rootHead = await aStaffMember(t, { unitId: root, roles: ['head'], name: 'Dewi Lestari' });
  divisionHead = await aStaffMember(t, { unitId: division, roles: ['head'], name: 'Andi Pratama' });
  handler = await aStaffMember(t, { unitId: division, roles: ['handler'], name: 'Penangan' });
});
after(async () => {
  rmSync(dir, { recursive: true, force: true });
  await t.close();
});

const { submit, actOk } = caseDriver(() => t);

/** A complaint of the division answered through both approval levels, the root unit's head last. */
async function sentResponse(identity: object = { mode: 'identified', name: 'Siti Aminah', email: 'siti@example.org', address: 'Jl. Melati 5, Bandung' }) {
  const submitted = await submit({ identity });
  await actOk(coordinator, submitted.id, 'verify', { result: 'indicated', note: 'Ada indikasi' });
  await actOk(coordinator, submitted.id, 'triage', { category: 'service.time', urgency: 2, impact: 2 });
  await actOk(rootHead, submitted.id, 'assign', { unitId: division, handlerId: handler.id, instructions: 'Periksa' });
  await actOk(handler, submitted.id, 'start');
  await actOk(handler, submitted.id, 'draft_response', { finding: 'substantiated', text: 'Antrean kini dibuka pukul 07.30 WIB.' });
  await actOk(handler, submitted.id, 'submit_for_approval');
  await actOk(divisionHead, submitted.id, 'approve', { note: 'Setuju' });
  await actOk(rootHead, submitted.id, 'approve', { note: 'Kirim' });
  await actOk(coordinator, submitted.id, 'send_response');
  const letter = await t.app.inject({ method: 'GET', url: `/api/v1/complaints/${submitted.id}/letter`, headers: { authorization: coordinator.authorization } });
  assert.equal(letter.statusCode, 200, letter.body);
  return { ...submitted, pdf: letter.rawPayload };
}

function pdfTool(tool: 'pdfsig' | 'pdftotext', pdf: Buffer): string {
  const path = join(dir, `${createHash('sha256').update(pdf).digest('hex')}.pdf`);
  writeFileSync(path, pdf);
  try {
    return execFileSync(tool, tool === 'pdftotext' ? [path, '-'] : [path], { encoding: 'utf8' });
  } catch (error) {
    // pdfsig exits non-zero for an unsigned file; its report is still what we want.
    return String((error as { stdout?: string }).stdout ?? '');
  }
}

function multipart(parts: { name: string; value: string | Buffer; fileName?: string }[]) {
  const boundary = 'aduan-test-boundary';
  const chunks = parts.flatMap((part) => [
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"${part.fileName ? `; filename="${part.fileName}"` : ''}\r\n` +
      `${part.fileName ? 'Content-Type: application/octet-stream\r\n' : ''}\r\n`),
    Buffer.isBuffer(part.value) ? part.value : Buffer.from(part.value),
    Buffer.from('\r\n'),
  ]);
  return { payload: Buffer.concat([...chunks, Buffer.from(`--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const codeIn = (text: string) => /Kode verifikasi:\s*([0-9A-Z]{5}-[0-9A-Z]{5})/.exec(text)?.[1];

describe('response letters', () => {
  it('without a certificate says the letter is not signed, yet prints a verification code the public can check', async () => {
    const sent = await sentResponse();
    const text = pdfTool('pdftotext', sent.pdf);

    assert.match(text, /Dokumen ini tidak ditandatangani secara elektronik/);
    assert.doesNotMatch(text, /Ditandatangani secara elektronik/);
    const code = codeIn(text);
    assert.ok(code, text);
    const checked = await t.app.inject({ method: 'GET', url: `/api/v1/letters/${code.toLowerCase()}` });
    assert.equal(checked.statusCode, 200, checked.body);
    assert.equal(checked.json().isSignedElectronically, false);
    assert.equal(checked.json().sha256, createHash('sha256').update(sent.pdf).digest('hex'));
  });

  it('is signed by the certificate the administrator set, in the name and position of whoever approved last, and the file served is the one verified', async () => {
    const { p12, passphrase } = aSelfSignedP12({ commonName: 'Dewi Lestari' });
    const wrong = await t.app.inject({ method: 'PUT', url: '/api/v1/admin/letter-signing-certificate', headers: { authorization: admin.authorization, ...multipart([{ name: 'passphrase', value: 'salah' }, { name: 'certificate', value: p12, fileName: 'ttd.p12' }]).headers }, payload: multipart([{ name: 'passphrase', value: 'salah' }, { name: 'certificate', value: p12, fileName: 'ttd.p12' }]).payload });
    assert.equal(wrong.statusCode, 400, wrong.body);
    assert.equal(wrong.json().errors[0].pointer, '/passphrase');
    const upload = multipart([{ name: 'passphrase', value: passphrase }, { name: 'certificate', value: p12, fileName: 'ttd.p12' }]);
    const set = await t.app.inject({ method: 'PUT', url: '/api/v1/admin/letter-signing-certificate', headers: { authorization: admin.authorization, ...upload.headers }, payload: upload.payload });
    assert.equal(set.statusCode, 200, set.body);
    const shown = await t.app.inject({ method: 'GET', url: '/api/v1/admin/letter-signing-certificate', headers: { authorization: admin.authorization } });
    assert.match(shown.json().subject, /CN=Dewi Lestari/);
    assert.doesNotMatch(shown.body, /passphrase|rahasia-sertifikat|p12/i);

    const patched = await t.app.inject({ method: 'PATCH', url: `/api/v1/admin/users/${rootHead.id}`, headers: { authorization: admin.authorization }, payload: { nip: '197801012005012001', position: 'Sekretaris Daerah' } });
    assert.equal(patched.statusCode, 200, patched.body);
    assert.equal(patched.json().position, 'Sekretaris Daerah');
    const site = await t.app.inject({ method: 'GET', url: '/api/v1/admin/site', headers: { authorization: admin.authorization } });
    const put = await t.app.inject({ method: 'PUT', url: '/api/v1/admin/site', headers: { authorization: admin.authorization }, payload: { ...(site.json() as object), organisation: 'Pemerintah Kota Bandung', address: 'Jl. Wastukencana No. 2, Bandung', website: 'https://bandung.go.id', place: 'Bandung' } });
    assert.equal(put.statusCode, 200, put.body);

    const sent = await sentResponse();
    assert.match(pdfTool('pdfsig', sent.pdf), /Signature Validation: Signature is Valid/);
    const text = pdfTool('pdftotext', sent.pdf).replace(/\s+/g, ' ');
    assert.match(text, /Bandung, 13 Maret 2026 Sekretaris Daerah Pemerintah Kota Bandung, Ditandatangani secara elektronik Dewi Lestari NIP\. 197801012005012001/);
    assert.match(text, /Laman https:\/\/bandung\.go\.id/);
    assert.doesNotMatch(text, /Kepala Bagian Umum/);

    const again = await t.app.inject({ method: 'GET', url: `/api/v1/complaints/${sent.id}/letter`, headers: { authorization: coordinator.authorization } });
    assert.ok(again.rawPayload.equals(sent.pdf), 'the letter is the same file every time it is fetched');
    const checked = (await t.app.inject({ method: 'GET', url: `/api/v1/letters/${codeIn(text)}` })).json() as Record<string, unknown>;
    assert.deepEqual({ ...checked, code: undefined, letterNumber: undefined }, {
      code: undefined, letterNumber: undefined, registerNumber: sent.registerNumber, letterDate: '2026-03-13T02:00:00.000Z',
      signer: { name: 'Dewi Lestari', position: 'Sekretaris Daerah', unit: 'Pemerintah Kota Bandung' }, isSignedElectronically: true,
      sha256: createHash('sha256').update(sent.pdf).digest('hex'),
    });
    assert.doesNotMatch(JSON.stringify(checked), /Siti|Melati|Antrean/);
  });

  it('answers an unknown or malformed verification code with 404 problem details', async () => {
    for (const code of ['00000-00000', 'bukan-kode']) {
      const response = await t.app.inject({ method: 'GET', url: `/api/v1/letters/${code}` });
      assert.equal(response.statusCode, 404);
      assert.equal(response.json().code, 'letter.not_found');
    }
  });

  it('refuses a logo that is not a PNG or JPEG, naming the field, and accepts a PNG', async () => {
    const bad = multipart([{ name: 'logo', value: Buffer.from('GIF89a bukan png'), fileName: 'logo.png' }]);
    const refused = await t.app.inject({ method: 'PUT', url: '/api/v1/admin/letterhead-logo', headers: { authorization: admin.authorization, ...bad.headers }, payload: bad.payload });
    assert.equal(refused.statusCode, 400, refused.body);
    assert.deepEqual(refused.json().errors.map((error: { pointer: string }) => error.pointer), ['/logo']);
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
    const good = multipart([{ name: 'logo', value: png, fileName: 'logo.png' }]);
    const accepted = await t.app.inject({ method: 'PUT', url: '/api/v1/admin/letterhead-logo', headers: { authorization: admin.authorization, ...good.headers }, payload: good.payload });
    assert.equal(accepted.statusCode, 200, accepted.body);
    assert.equal(accepted.json().mediaType, 'image/png');
  });

  it('has a public page that shows the letter by its code, without the reporter, and says whether an uploaded file is the issued one', async () => {
    const sent = await sentResponse();
    const code = codeIn(pdfTool('pdftotext', sent.pdf));
    assert.ok(code);
    const form = await t.app.inject({ method: 'GET', url: '/verifikasi' });
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /name="kode"/);
    const typed = await t.app.inject({ method: 'GET', url: `/verifikasi?kode=${encodeURIComponent(` ${code.toLowerCase()} `)}` });
    assert.equal(typed.statusCode, 303);
    assert.equal(typed.headers.location, `/verifikasi/${code}`);
    const unknown = await t.app.inject({ method: 'GET', url: '/verifikasi?kode=00000-00000' });
    assert.equal(unknown.statusCode, 404);
    assert.match(unknown.body, /Tidak ada surat dengan kode verifikasi ini/);

    const page = await t.app.inject({ method: 'GET', url: `/verifikasi/${code}` });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, new RegExp(sent.registerNumber));
    assert.match(page.body, /Dewi Lestari/);
    assert.match(page.body, /13 Maret 2026/);
    assert.match(page.body, new RegExp(createHash('sha256').update(sent.pdf).digest('hex')));
    assert.doesNotMatch(page.body, /Siti|Melati|Antrean/);

    const compare = async (file: Buffer) => {
      const body = multipart([{ name: 'berkas', value: file, fileName: 'surat.pdf' }]);
      return t.app.inject({ method: 'POST', url: `/verifikasi/${code}`, headers: { ...body.headers, 'accept-language': 'en' }, payload: body.payload });
    };
    const same = await compare(sent.pdf);
    assert.equal(same.statusCode, 200);
    assert.match(same.body, /Match: this file is exactly the letter we issued/);
    const altered = Buffer.from(sent.pdf);
    altered[altered.length - 20] = (altered[altered.length - 20] ?? 0) ^ 1;
    assert.match((await compare(altered)).body, /No match: this file differs/);
    const none = await t.app.inject({ method: 'POST', url: `/verifikasi/${code}`, ...multipart([{ name: 'berkas', value: Buffer.alloc(0), fileName: '' }]) });
    assert.equal(none.statusCode, 400);
    assert.match(none.body, /Pilih berkas PDF untuk dibandingkan/);
  });
});

describe('the administrator is warned about the address printed on letters', () => {
  it('lists a warning while PUBLIC_URL points at this machine, in the request\'s language, and none once it is public', async () => {
    const warnings = async (language: string) => {
      const response = await t.app.inject({ method: 'GET', url: '/api/v1/admin/warnings', headers: { authorization: admin.authorization, 'accept-language': language } });
      assert.equal(response.statusCode, 200, response.body);
      // Only the address warning: a fresh installation also warns that no integrity team exists.
      return (response.json().warnings as { code: string; message: string }[]).filter((warning) => warning.code.startsWith('public_url'));
    };
    const publicUrl = t.deps.publicUrl;
    try {
      for (const local of ['http://localhost:3000', 'http://127.0.0.1:3000']) {
        t.deps.publicUrl = local;
        assert.deepEqual((await warnings('id')).map((warning) => warning.code), ['public_url.local']);
      }
      assert.match((await warnings('id'))[0]?.message ?? '', /PUBLIC_URL belum diatur/);
      assert.match((await warnings('en'))[0]?.message ?? '', /PUBLIC_URL is unset/);
    } finally {
      t.deps.publicUrl = publicUrl;
    }
    assert.deepEqual(await warnings('id'), []);
    const forbidden = await t.app.inject({ method: 'GET', url: '/api/v1/admin/warnings', headers: { authorization: coordinator.authorization } });
    assert.equal(forbidden.statusCode, 403);
  });
});
