import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fixedClock, startTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { caseDriver } from '../../../../test/support/case-driver.js';
import { aStaffMember, aTeam, aUnit, rootUnitId } from '../../../../test/support/staff.js';

let t: TestApp;
const clock = fixedClock(new Date('2026-03-13T02:00:00Z'));
type Staff = Awaited<ReturnType<typeof aStaffMember>>;
let root: number, division: number, outsiderUnit: number;
let coordinator: Staff, secondCoordinator: Staff, rootHead: Staff, divisionHead: Staff, handler: Staff, otherHandler: Staff, intake: Staff, outsider: Staff, integrityMember: Staff;

before(async () => {
  t = await startTestApp({ clock });
  root = await rootUnitId(t);
  await t.deps.db.updateTable('units').set({ approvalChain: JSON.stringify([{ role: 'head', unitsUp: 0 }]) }).where('id', '=', root).execute();
  division = await aUnit(t, { code: 'DIV', parentId: root, approvalChain: [{ role: 'head', unitsUp: 0 }, { role: 'head', unitsUp: 1 }] });
  outsiderUnit = await aUnit(t, { code: 'LAIN', parentId: root });
  coordinator = await aStaffMember(t, { unitId: root, roles: ['coordinator'] });
  secondCoordinator = await aStaffMember(t, { unitId: root, roles: ['coordinator'] });
  rootHead = await aStaffMember(t, { unitId: root, roles: ['head'] });
  divisionHead = await aStaffMember(t, { unitId: division, roles: ['head'] });
  handler = await aStaffMember(t, { unitId: division, roles: ['handler'] });
  otherHandler = await aStaffMember(t, { unitId: division, roles: ['handler'] });
  intake = await aStaffMember(t, { unitId: root, roles: ['intake'] });
  outsider = await aStaffMember(t, { unitId: outsiderUnit, roles: ['coordinator', 'head', 'handler'] });
  integrityMember = await aStaffMember(t, { unitId: outsiderUnit, roles: ['handler'] });
  await aTeam(t, { unitId: outsiderUnit, code: 'INTEGRITAS', isIntegrityTeam: true, memberIds: [integrityMember.id] });
});
after(() => t.close());

interface Notice { id: number; template: string; text: string; complaintId: string | null; registerNumber: string | null; title: string | null; link: string | null; readAt: string | null }

async function notices(staff: Staff, language = 'id'): Promise<Notice[]> {
  const response = await t.app.inject({ method: 'GET', url: '/api/v1/notifications?limit=200', headers: { authorization: staff.authorization, 'accept-language': language } });
  assert.equal(response.statusCode, 200, response.body);
  return response.json().items;
}

async function templatesFor(staff: Staff, complaintId: string): Promise<string[]> {
  return (await notices(staff)).filter((notice) => notice.complaintId === complaintId).map((notice) => notice.template).sort();
}

const { submit, actOk, reporterToken } = caseDriver(() => t);

async function staffMailsFor(complaintId: string): Promise<{ userId: number; template: string }[]> {
  const rows = await t.deps.db.selectFrom('outbox').select(['recipient', 'template']).where('complaintId', '=', complaintId).execute();
  return rows.flatMap((row) => {
    const recipient = row.recipient as { kind: string; userId?: number };
    return recipient.kind === 'staff' && recipient.userId !== undefined ? [{ userId: recipient.userId, template: row.template }] : [];
  });
}

describe('whoever must act next is told, in the app and by mail', () => {
  it('tells the coordinators of a new complaint, and nobody outside the unit', async () => {
    const submitted = await submit();
    assert.deepEqual(await templatesFor(coordinator, submitted.id), ['complaint.new']);
    assert.deepEqual(await templatesFor(secondCoordinator, submitted.id), ['complaint.new']);
    assert.deepEqual(await templatesFor(outsider, submitted.id), []);
    assert.deepEqual(await templatesFor(rootHead, submitted.id), [], 'the head is not told while there are coordinators');
    const mails = await staffMailsFor(submitted.id);
    assert.deepEqual(mails.map((mail) => mail.userId).sort((a, b) => a - b), [coordinator.id, secondCoordinator.id].sort((a, b) => a - b));
    assert.ok(mails.every((mail) => mail.template === 'complaint.new'));
  });

  it('tells the coordinators of a walk-in recorded at the desk, but not a coordinator the complaint concerns', async () => {
    const submitted = await submit({ channel: 'walk_in', concernsStaffIds: [secondCoordinator.id] }, { authorization: intake.authorization });
    assert.deepEqual(await templatesFor(coordinator, submitted.id), ['complaint.new']);
    assert.deepEqual(await templatesFor(secondCoordinator, submitted.id), []);
    assert.deepEqual(await templatesFor(intake, submitted.id), []);
  });

  it('tells the handler of a disposition, each approver in turn, the coordinators when it is approved, and the drafter of a return', async () => {
    const submitted = await submit();
    await actOk(coordinator, submitted.id, 'verify', { result: 'indicated', note: 'ok' });
    await actOk(rootHead, submitted.id, 'assign', { unitId: division, handlerId: handler.id, instructions: 'Periksa' });
    assert.deepEqual(await templatesFor(handler, submitted.id), ['case.assigned_to_you']);
    assert.deepEqual(await templatesFor(otherHandler, submitted.id), []);
    assert.deepEqual(await templatesFor(rootHead, submitted.id), [], 'the head is not told of their own disposition');

    await actOk(handler, submitted.id, 'start');
    await actOk(handler, submitted.id, 'draft_response', { finding: 'unsubstantiated', text: 'Tidak terbukti.' });
    await actOk(handler, submitted.id, 'submit_for_approval');
    assert.deepEqual(await templatesFor(divisionHead, submitted.id), ['response.awaiting_your_approval']);
    assert.deepEqual(await templatesFor(rootHead, submitted.id), [], 'the second level waits for the first');

    await actOk(divisionHead, submitted.id, 'approve', { note: 'Setuju' });
    assert.deepEqual(await templatesFor(rootHead, submitted.id), ['response.awaiting_your_approval']);
    await actOk(rootHead, submitted.id, 'return', { note: 'Lengkapi' });
    assert.deepEqual(await templatesFor(handler, submitted.id), ['case.assigned_to_you', 'response.returned']);

    await actOk(handler, submitted.id, 'draft_response', { finding: 'unsubstantiated', text: 'Tidak terbukti, dengan rincian.' });
    await actOk(handler, submitted.id, 'submit_for_approval');
    await actOk(divisionHead, submitted.id, 'approve', { note: 'Setuju' });
    const before = (await templatesFor(coordinator, submitted.id)).length;
    await actOk(rootHead, submitted.id, 'approve', { note: 'Kirim' });
    const forCoordinator = await templatesFor(coordinator, submitted.id);
    assert.equal(forCoordinator.length, before + 1);
    assert.ok(forCoordinator.includes('response.ready_to_send'), 'the coordinators send approved responses');
    assert.deepEqual(await templatesFor(outsider, submitted.id), []);
  });

  it("tells whoever holds the case of the reporter's answer and messages", async () => {
    const submitted = await submit();
    await actOk(coordinator, submitted.id, 'request_info', { message: 'Nomor loket?' });
    const token = await reporterToken(submitted);
    const answered = await t.app.inject({ method: 'POST', url: '/api/v1/reporter/actions/answer', headers: { authorization: token }, payload: { text: 'Loket 2' } });
    assert.equal(answered.statusCode, 200, answered.body);
    assert.ok((await templatesFor(secondCoordinator, submitted.id)).includes('reporter.answered'));
    assert.ok((await templatesFor(coordinator, submitted.id)).includes('reporter.answered'), 'the coordinator who asked is told too');

    await actOk(coordinator, submitted.id, 'verify', { result: 'indicated', note: 'ok' });
    await actOk(rootHead, submitted.id, 'assign', { unitId: division, handlerId: handler.id, instructions: 'Periksa' });
    const message = await t.app.inject({ method: 'POST', url: '/api/v1/reporter/messages', headers: { authorization: token }, payload: { text: 'Ada saksi lain.' } });
    assert.equal(message.statusCode, 201, message.body);
    assert.ok((await templatesFor(handler, submitted.id)).includes('reporter.message_added'));
    assert.ok(!(await templatesFor(secondCoordinator, submitted.id)).includes('reporter.message_added'), 'the handler holds the case now');
  });

  it('tells only the integrity team of anything on a whistleblowing case', async () => {
    const submitted = await submit();
    await actOk(coordinator, submitted.id, 'triage', { category: 'integrity.bribery', urgency: 3, impact: 3 });
    const token = await reporterToken(submitted);
    const message = await t.app.inject({ method: 'POST', url: '/api/v1/reporter/messages', headers: { authorization: token }, payload: { text: 'Saya punya rekaman.' } });
    assert.equal(message.statusCode, 201, message.body);
    assert.deepEqual(await templatesFor(integrityMember, submitted.id), ['reporter.message_added']);
    assert.ok(!(await templatesFor(secondCoordinator, submitted.id)).includes('reporter.message_added'));
    const seenByCoordinator = (await notices(secondCoordinator)).find((notice) => notice.complaintId === submitted.id);
    assert.equal(seenByCoordinator?.title, null, 'a case the reader may no longer see keeps its title to itself');
  });
});

describe('GET /api/v1/notifications', () => {
  it('gives each notification a sentence in the reader’s language, the register number, the title and a link', async () => {
    const submitted = await submit({ title: 'Antrean loket KTP terlalu lama' });
    const [id] = (await notices(coordinator)).filter((notice) => notice.complaintId === submitted.id);
    assert.ok(id);
    assert.equal(id.text, `Pengaduan baru ${submitted.registerNumber} masuk ke unit Anda dan menunggu verifikasi.`);
    assert.equal(id.registerNumber, submitted.registerNumber);
    assert.equal(id.title, 'Antrean loket KTP terlalu lama');
    assert.equal(id.link, `/staf/kasus/${submitted.id}`);
    const [en] = (await notices(coordinator, 'en')).filter((notice) => notice.complaintId === submitted.id);
    assert.equal(en?.text, `New complaint ${submitted.registerNumber} came in to your unit and awaits verification.`);
    for (const notice of await notices(coordinator)) assert.doesNotMatch(notice.text, /^[a-z_]+\.[a-z_]+$/, 'no bare code reaches the reader');
  });
});
