import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { exportInbox } from '../../../app/case-handling/export-inbox.js';
import { fixedClock, startTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { caseDriver } from '../../../../test/support/case-driver.js';
import { aStaffMember, aTeam, aUnit, rootUnitId } from '../../../../test/support/staff.js';

let t: TestApp;
const clock = fixedClock(new Date('2026-03-13T02:00:00Z'));
type Staff = Awaited<ReturnType<typeof aStaffMember>>;
let root: number;
let coordinator: Staff, head: Staff, auditor: Staff, admin: Staff, outsider: Staff;

before(async () => {
  t = await startTestApp({ clock });
  root = await rootUnitId(t);
  const elsewhere = await aUnit(t, { code: 'LAIN', parentId: root });
  const division = await aUnit(t, { code: 'DIV', parentId: root });
  coordinator = await aStaffMember(t, { unitId: root, roles: ['coordinator'], name: 'Koordinator' });
  head = await aStaffMember(t, { unitId: root, roles: ['head'], name: 'Kepala' });
  auditor = await aStaffMember(t, { unitId: root, roles: ['auditor'], name: 'Auditor' });
  admin = await aStaffMember(t, { unitId: root, roles: ['admin'] });
  outsider = await aStaffMember(t, { unitId: elsewhere, roles: ['coordinator', 'head'] });
  const integrityMember = await aStaffMember(t, { unitId: division, roles: ['handler'] });
  await aTeam(t, { unitId: division, code: 'INTEGRITAS', isIntegrityTeam: true, memberIds: [integrityMember.id] });
});
after(() => t.close());

const as = (staff: Staff) => ({ authorization: staff.authorization });

const { submit } = caseDriver(() => t);

async function timelineTypes(id: string): Promise<string[]> {
  const view = await t.app.inject({ method: 'GET', url: `/api/v1/complaints/${id}`, headers: as(coordinator) });
  return view.json().timeline.map((entry: { type: string }) => entry.type);
}

const identified = { identity: { mode: 'identified', name: 'Siti Aminah', email: 'siti@example.org', address: 'Jl. Melati 5, Pekanbaru' } };
const confidential = { identity: { mode: 'confidential', name: 'Rahasia Sekali', phone: '081299999999' } };

describe('the case dossier', () => {
  it('answers a PDF by default and records the export on the case, in its hash chain', async () => {
    const submitted = await submit();
    const response = await t.app.inject({ method: 'GET', url: `/api/v1/complaints/${submitted.id}/export`, headers: as(coordinator) });
    assert.equal(response.statusCode, 200, response.body);
    assert.equal(response.headers['content-type'], 'application/pdf');
    assert.equal(response.headers['content-disposition'], `attachment; filename="berkas-${submitted.registerNumber}.pdf"`);
    assert.equal(response.rawPayload.subarray(0, 5).toString('latin1'), '%PDF-');
    const view = (await t.app.inject({ method: 'GET', url: `/api/v1/complaints/${submitted.id}`, headers: as(coordinator) })).json();
    const exported = view.timeline.at(-1);
    assert.equal(exported.type, 'case.exported');
    assert.deepEqual(exported.data, { format: 'pdf', includesIdentity: false });
    assert.deepEqual(exported.actor, { kind: 'staff', userId: coordinator.id, name: 'Koordinator' });
    const chain = await t.app.inject({ method: 'GET', url: `/api/v1/complaints/${submitted.id}/audit`, headers: as(auditor) });
    assert.deepEqual(chain.json(), { isIntact: true, eventCount: 2, firstBrokenSequence: null, problem: null });
  });

  it('reads in Indonesian by default and in English by Accept-Language or ?lang=en, as pdftotext sees it', async () => {
    const submitted = await submit(identified);
    const dir = mkdtempSync(join(tmpdir(), 'aduan-dossier-'));
    const textOf = async (url: string, headers: Record<string, string> = {}) => {
      const response = await t.app.inject({ method: 'GET', url, headers: { ...as(coordinator), ...headers } });
      assert.equal(response.statusCode, 200, response.body);
      const path = join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
      writeFileSync(path, response.rawPayload);
      return execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    };
    try {
      const url = `/api/v1/complaints/${submitted.id}/export`;
      const indonesian = await textOf(url);
      for (const label of ['BERKAS PENGADUAN', 'Nomor register', 'Judul', 'Saluran', 'Pelapor', 'Uraian', 'Riwayat', 'Lampiran', 'Pengaduan diterima', 'Diekspor oleh', 'Halaman 1 dari', 'Maret 2026']) {
        assert.ok(indonesian.includes(label), `missing "${label}" in: ${indonesian}`);
      }
      for (const english of [await textOf(url, { 'accept-language': 'en-GB,en;q=0.9' }), await textOf(`${url}?lang=en`)]) {
        for (const label of ['COMPLAINT FILE', 'Register number', 'Title', 'Channel', 'Website', 'Reporter', 'Identified', 'Description', 'History', 'Attachments',
          'Complaint received', 'Exported by Koordinator', 'Page 1 of', 'March 2026 at']) {
          assert.ok(english.includes(label), `missing "${label}" in: ${english}`);
        }
        // The reporter's own words stay as written ("Senin 2 Maret 2026 sekitar pukul 09.00"): only the file's words are checked.
        for (const label of ['BERKAS', 'Nomor register', 'Judul', 'Saluran', 'Situs web', 'Pelapor', 'Uraian', 'Riwayat', 'Lampiran', 'Diekspor', 'Halaman', 'Maret 2026 pukul']) {
          assert.ok(!english.includes(label), `Indonesian "${label}" in: ${english}`);
        }
      }
      const refused = await t.app.inject({ method: 'GET', url: `${url}?lang=fr`, headers: as(coordinator) });
      assert.equal(refused.statusCode, 400);
      assert.equal(refused.json().errors[0].pointer, '/querystring/lang');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('answers JSON by Accept or ?format=json: the case as I may see it, up to and including its own export event', async () => {
    const submitted = await submit(identified);
    const byAccept = await t.app.inject({ method: 'GET', url: `/api/v1/complaints/${submitted.id}/export`, headers: { ...as(coordinator), accept: 'application/json' } });
    assert.equal(byAccept.statusCode, 200, byAccept.body);
    assert.match(String(byAccept.headers['content-type']), /^application\/json/);
    const dossier = byAccept.json();
    assert.equal(dossier.case.registerNumber, submitted.registerNumber);
    assert.equal(dossier.case.reporter.identity.name, 'Siti Aminah', 'an identified reporter, as the staff view shows them');
    assert.equal(dossier.includesIdentity, true);
    assert.equal(dossier.case.allowedActions, undefined);
    assert.deepEqual(dossier.exportedBy, { userId: coordinator.id, name: 'Koordinator' });
    assert.equal(dossier.case.timeline.at(-1).type, 'case.exported');
    assert.equal(dossier.case.timeline.at(-1).sequence, dossier.exportEventSequence);
    assert.deepEqual(dossier.case.timeline.at(-1).data, { format: 'json', includesIdentity: true });

    const byQuery = await t.app.inject({ method: 'GET', url: `/api/v1/complaints/${submitted.id}/export?format=json`, headers: as(auditor) });
    assert.equal(byQuery.statusCode, 200, byQuery.body);
    assert.equal(byQuery.json().exportedBy.userId, auditor.id, 'auditors may export what they may read');
    assert.deepEqual((await timelineTypes(submitted.id)).slice(-2), ['case.exported', 'case.exported'], 'every export is an event');
  });

  it('leaves a confidential identity sealed unless the export unseals it, which only a head may, with a reason', async () => {
    const submitted = await submit(confidential);
    const plain = (await t.app.inject({ method: 'GET', url: `/api/v1/complaints/${submitted.id}/export?format=json`, headers: as(head) })).json();
    assert.equal(plain.case.reporter.identity, null);
    assert.match(plain.case.reporter.pseudonym, /^Pelapor-/);
    assert.equal(plain.includesIdentity, false);

    const before = await timelineTypes(submitted.id);
    const forbidden = await t.app.inject({ method: 'GET', url: `/api/v1/complaints/${submitted.id}/export?format=json&unsealReason=ingin%20tahu`, headers: as(coordinator) });
    assert.equal(forbidden.statusCode, 403);
    assert.equal(forbidden.json().code, 'workflow.forbidden');
    assert.deepEqual(await timelineTypes(submitted.id), before, 'a refused export records nothing');

    const unsealed = await t.app.inject({ method: 'GET', url: `/api/v1/complaints/${submitted.id}/export?format=json&unsealReason=Pemanggilan%20saksi`, headers: as(head) });
    assert.equal(unsealed.statusCode, 200, unsealed.body);
    assert.equal(unsealed.json().case.reporter.identity.name, 'Rahasia Sekali');
    assert.equal(unsealed.json().includesIdentity, true);
    const events = unsealed.json().case.timeline.slice(-2);
    assert.deepEqual(events.map((entry: { type: string; data: unknown }) => [entry.type, entry.data]), [
      ['identity.unsealed', { reason: 'Pemanggilan saksi' }], ['case.exported', { format: 'json', includesIdentity: true }],
    ]);
  });

  it('has nothing to unseal for an anonymous reporter', async () => {
    const submitted = await submit();
    const response = await t.app.inject({ method: 'GET', url: `/api/v1/complaints/${submitted.id}/export?unsealReason=x`, headers: as(head) });
    assert.equal(response.statusCode, 409);
    assert.equal(response.json().code, 'workflow.action_not_allowed');
  });

  it('answers 404 to whoever may not read the case (administrators too) and 401 to the public, recording nothing', async () => {
    const submitted = await submit(identified);
    for (const staff of [outsider, admin]) {
      const response = await t.app.inject({ method: 'GET', url: `/api/v1/complaints/${submitted.id}/export`, headers: as(staff) });
      assert.equal(response.statusCode, 404);
      assert.equal(response.json().code, 'complaint.not_found');
    }
    assert.equal((await t.app.inject({ method: 'GET', url: `/api/v1/complaints/${submitted.id}/export` })).statusCode, 401);
    assert.deepEqual(await timelineTypes(submitted.id), ['complaint.submitted']);
  });

  it('is not shown to the reporter', async () => {
    const submitted = await submit(identified);
    await t.app.inject({ method: 'GET', url: `/api/v1/complaints/${submitted.id}/export`, headers: as(coordinator) });
    const tracked = await t.app.inject({ method: 'POST', url: '/api/v1/track', payload: { registerNumber: submitted.registerNumber, trackingCode: submitted.trackingCode } });
    assert.equal(tracked.statusCode, 200, tracked.body);
    assert.ok(!tracked.body.includes('export'), tracked.body);
  });
});

async function readWorkbook(payload: Buffer) {
  const workbook = new ExcelJS.Workbook();
  // exceljs's typings predate Buffer's generic parameter.
  await workbook.xlsx.load(payload as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('Pengaduan');
  assert.ok(sheet);
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return { workbook, rows };
}

describe('the inbox export', () => {
  it('answers the filtered inbox as a workbook, without identity, and records who exported what in the audit log', async () => {
    await submit({ ...identified, title: 'Antrean panjang di loket' });
    const whistle = await submit({ title: 'Suap di loket' });
    const triaged = await t.app.inject({ method: 'POST', url: `/api/v1/complaints/${whistle.id}/actions/triage`, headers: as(coordinator), payload: { category: 'integrity.bribery', urgency: 3, impact: 3 } });
    assert.equal(triaged.statusCode, 200, triaged.body);
    const inbox = (await t.app.inject({ method: 'GET', url: '/api/v1/complaints?status=received&sort=received&limit=200', headers: as(coordinator) })).json();

    const response = await t.app.inject({ method: 'GET', url: '/api/v1/complaints/export.xlsx?status=received&sort=received', headers: as(coordinator) });
    assert.equal(response.statusCode, 200, response.body);
    assert.equal(response.headers['content-type'], 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    assert.equal(response.headers['content-disposition'], 'attachment; filename="pengaduan-2026-03-13.xlsx"');
    const { workbook, rows } = await readWorkbook(response.rawPayload);
    const [header, ...cases] = rows;
    assert.deepEqual(header?.slice(0, 3), ['Nomor register', 'Judul', 'Status']);
    assert.equal(header?.[8], 'Diterima (WIB)');
    assert.deepEqual(cases.map((row) => row[0]), inbox.items.map((item: { registerNumber: string }) => item.registerNumber), 'the same cases as the inbox, in its order');
    assert.ok(!cases.some((row) => row[0] === whistle.registerNumber), 'a whistleblowing case stays with the integrity team');
    const cells = JSON.stringify(rows);
    for (const secret of ['Siti Aminah', 'siti@example.org', 'Melati', 'Rahasia Sekali', '081299999999']) assert.ok(!cells.includes(secret), `no identity: ${secret}`);
    const about = workbook.getWorksheet('Keterangan');
    assert.equal(about?.getCell('B1').value, 'Koordinator');
    assert.equal(about?.getCell('B3').value, cases.length);

    const audit = (await t.app.inject({ method: 'GET', url: '/api/v1/admin/audit?action=inbox.exported', headers: as(auditor) })).json();
    assert.equal(audit.items.length, 1);
    assert.deepEqual(audit.items[0].actor, { id: coordinator.id, name: 'Koordinator' });
    assert.deepEqual(audit.items[0].summary, { format: 'xlsx', filters: { status: ['received'], sort: 'received' }, rowCount: cases.length, isTruncated: false });
    assert.equal(about?.getCell('B6').value, `#${audit.items[0].sequence}`);
  });

  it('says when more cases matched than it carries', async () => {
    await submit();
    await submit();
    const exported = await exportInbox(t.deps, { kind: 'staff', userId: auditor.id, unitId: root, roles: ['auditor'], teamIds: [] }, { sort: 'received' }, { rowLimit: 2 });
    assert.equal(exported.rows.length, 2);
    assert.equal(exported.isTruncated, true);
  });

  it('refuses staff whose roles read no cases, the public, and bad filters, recording nothing', async () => {
    const before = (await t.app.inject({ method: 'GET', url: '/api/v1/admin/audit?action=inbox.exported', headers: as(auditor) })).json().items.length;
    const forbidden = await t.app.inject({ method: 'GET', url: '/api/v1/complaints/export.xlsx', headers: as(admin) });
    assert.equal(forbidden.statusCode, 403);
    assert.equal(forbidden.json().code, 'auth.forbidden');
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/complaints/export.xlsx' })).statusCode, 401);
    const bad = await t.app.inject({ method: 'GET', url: '/api/v1/complaints/export.xlsx?status=lost&limit=5', headers: as(coordinator) });
    assert.equal(bad.statusCode, 400);
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/admin/audit?action=inbox.exported', headers: as(auditor) })).json().items.length, before);
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/complaints/export.xlsx', headers: as(auditor) })).statusCode, 200, 'auditors may export');
  });
});
