import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { caseDriver } from '../support/case-driver.js';
import { aStaffMember, aUnit, rootUnitId } from '../support/staff.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let coordinator: { authorization: string };
let outsider: { authorization: string };
let complaintId: string;
const uploaded = new Map<string, { id: string; mediaType: string }>();
const { submit, reporterToken } = caseDriver(() => t);

const html = '<!doctype html><html><body><script>fetch("/api/v1/auth/tokens",{method:"POST"})</script>Bukti</body></html>\n';
const svg = '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(document.cookie)"><script>alert(1)</script><rect width="10" height="10"/></svg>\n';
const polyglot = '%PDF-1.4\n<html><body><script>alert(document.domain)</script></body></html>\n%%EOF\n';
const plain = 'Catatan kejadian: antre 3 jam di loket 2.\n';

/** A multipart body as a browser would send it, for inject. */
async function multipart(files: { name: string; content: string }[]): Promise<{ payload: Buffer; contentType: string }> {
  const form = new FormData();
  for (const file of files) form.append('attachments', new Blob([Buffer.from(file.content)]), file.name);
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return { payload: Buffer.from(await request.arrayBuffer()), contentType: String(request.headers.get('content-type')) };
}

before(async () => {
  t = await startTestApp();
  const root = await rootUnitId(t);
  coordinator = await aStaffMember(t, { unitId: root, roles: ['coordinator'] });
  outsider = await aStaffMember(t, { unitId: await aUnit(t, { code: 'LAIN', parentId: root }), roles: ['coordinator'] });
  const submitted = await submit();
  complaintId = submitted.id;
  const reporter = await reporterToken(submitted);
  const body = await multipart([
    { name: 'bukti.html', content: html }, { name: 'gambar.svg', content: svg }, { name: 'surat;resmi (1).pdf', content: polyglot }, { name: 'catatan antrean ü.txt', content: plain },
  ]);
  const added = await t.app.inject({ method: 'POST', url: '/api/v1/reporter/attachments', headers: { authorization: reporter, 'content-type': body.contentType }, payload: body.payload });
  assert.equal(added.statusCode, 201, added.body);
  for (const attachment of (added.json() as { attachments: { id: string; fileName: string; mediaType: string }[] }).attachments) {
    uploaded.set(attachment.fileName, { id: attachment.id, mediaType: attachment.mediaType });
  }
});
after(() => t.close());

const download = (attachmentId: string, authorization = coordinator.authorization, id = complaintId) =>
  t.app.inject({ method: 'GET', url: `/api/v1/complaints/${id}/attachments/${attachmentId}`, headers: { authorization } });

describe('evidence files as staff download them', () => {
  for (const [name, content] of [['bukti.html', html], ['gambar.svg', svg], ['surat;resmi (1).pdf', polyglot], ['catatan antrean ü.txt', plain]] as const) {
    it(`serves ${name} as a download the browser can never render as a page, byte for byte`, async () => {
      const attachment = uploaded.get(name);
      assert.ok(attachment, `${name} was kept as evidence`);
      const response = await download(attachment.id);
      assert.equal(response.statusCode, 200, response.body);
      assert.equal(response.body, content);
      const type = String(response.headers['content-type']);
      assert.ok(!/html|svg|xml|text\//i.test(type), type);
      assert.match(String(response.headers['content-disposition']), /^attachment; /);
      assert.equal(response.headers['x-content-type-options'], 'nosniff');
      assert.match(String(response.headers['content-security-policy']), /^sandbox; default-src 'none'/);
    });
  }

  it('keeps the file name safe in the header, with the exact name in filename*', async () => {
    const response = await download(uploaded.get('surat;resmi (1).pdf')?.id ?? '');
    assert.equal(response.headers['content-disposition'], `attachment; filename="surat_resmi _1_.pdf"; filename*=UTF-8''surat%3Bresmi%20%281%29.pdf`);
    const text = await download(uploaded.get('catatan antrean ü.txt')?.id ?? '');
    assert.equal(text.headers['content-disposition'], `attachment; filename="catatan antrean _.txt"; filename*=UTF-8''catatan%20antrean%20%C3%BC.txt`);
    assert.equal(text.headers['content-type'], 'application/octet-stream');
  });

  it('answers 404 to staff who may not see the case, as for an attachment that does not exist', async () => {
    const hidden = await download(uploaded.get('bukti.html')?.id ?? '', outsider.authorization);
    const unknown = await download(randomUUID(), outsider.authorization);
    assert.equal(hidden.statusCode, 404);
    assert.equal(unknown.statusCode, 404);
    assert.equal(hidden.json().code, unknown.json().code);
    assert.equal((await download(uploaded.get('bukti.html')?.id ?? '', coordinator.authorization, randomUUID())).statusCode, 404);
  });
});
