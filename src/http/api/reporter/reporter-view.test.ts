import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { aComplaint, fixedClock, startTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { caseDriver } from '../../../../test/support/case-driver.js';
import { aStaffMember, rootUnitId } from '../../../../test/support/staff.js';

let t: TestApp;
// Friday 13 March 2026, 09.00 WIB: Nyepi and Idul Fitri (18 to 24 March) and Good Friday (3 April) are not working days.
const clock = fixedClock(new Date('2026-03-13T02:00:00Z'));
type Staff = Awaited<ReturnType<typeof aStaffMember>>;
let root: number;
let coordinator: Staff, head: Staff, handler: Staff, admin: Staff;

before(async () => {
  t = await startTestApp({ clock });
  root = await rootUnitId(t);
  await t.deps.db.updateTable('units').set({ approvalChain: JSON.stringify([{ role: 'head', unitsUp: 0 }]) }).where('id', '=', root).execute();
  coordinator = await aStaffMember(t, { unitId: root, roles: ['coordinator'], name: 'Koordinator Wati' });
  head = await aStaffMember(t, { unitId: root, roles: ['head'], name: 'Kepala Kantor' });
  handler = await aStaffMember(t, { unitId: root, roles: ['handler'], name: 'Penangan Joko' });
  admin = await aStaffMember(t, { unitId: root, roles: ['admin'] });
});
after(() => t.close());

const { submit, actOk } = caseDriver(() => t);

async function reporterView(submitted: { registerNumber: string; trackingCode: string }) {
  const tracked = await t.app.inject({ method: 'POST', url: '/api/v1/track', payload: { registerNumber: submitted.registerNumber, trackingCode: submitted.trackingCode } });
  assert.equal(tracked.statusCode, 200, tracked.body);
  const response = await t.app.inject({ method: 'GET', url: '/api/v1/reporter/complaint', headers: { authorization: `Bearer ${tracked.json().accessToken}` } });
  assert.equal(response.statusCode, 200, response.body);
  return { view: response.json(), body: response.body, tracked: tracked.json().complaint };
}

describe('what the reporter reads of their complaint', () => {
  it('gives back their own description and 5W1H answers, and nothing staff wrote about them', async () => {
    const submitted = await submit({ facts: { ...aComplaint().facts as object, why: 'Supaya cepat selesai' } });
    await actOk(coordinator, submitted.id, 'verify', { result: 'indicated', note: 'RAHASIA catatan verifikasi', draftReply: 'RAHASIA draf' });
    const { view, body, tracked } = await reporterView(submitted);
    assert.equal(view.description, 'Petugas loket meminta uang tambahan agar KTP cepat selesai.');
    assert.deepEqual(view.facts, {
      what: 'Diminta membayar Rp50.000 untuk KTP', where: 'Kantor Desa Karangbawang, loket 2', when: 'Senin 2 Maret 2026 sekitar pukul 09.00',
      who: 'Petugas loket 2', how: 'Diminta langsung secara lisan', why: 'Supaya cepat selesai',
    });
    assert.deepEqual(tracked.facts, view.facts, 'the tracking answer carries the same view');
    assert.equal(view.response, null);
    assert.deepEqual(view.correctiveActions, []);
    assert.ok(!body.includes('RAHASIA'));
  });

  it('shows the response once, beside the corrective actions with their status and due date, never who owns them', async () => {
    const submitted = await submit();
    await actOk(coordinator, submitted.id, 'verify', { result: 'indicated', note: 'ok' });
    await actOk(coordinator, submitted.id, 'triage', { category: 'service.time', urgency: 2, impact: 2 });
    await actOk(head, submitted.id, 'assign', { unitId: root, handlerId: handler.id, instructions: 'Periksa loket' });
    await actOk(handler, submitted.id, 'start');
    await actOk(handler, submitted.id, 'add_corrective_action', { description: 'Pasang papan tarif resmi di loket', ownerId: handler.id, dueOn: '2026-04-01' });
    await actOk(handler, submitted.id, 'add_corrective_action', { description: 'Pelatihan etika pelayanan', ownerId: head.id, dueOn: '2026-05-15' });
    const answer = 'Terima kasih. Pungutan itu tidak sah; uang Anda kami kembalikan.';
    await actOk(handler, submitted.id, 'draft_response', { finding: 'substantiated', text: answer });
    await actOk(handler, submitted.id, 'submit_for_approval');
    await actOk(head, submitted.id, 'approve', { note: 'ok' });
    const sent = await actOk(coordinator, submitted.id, 'send_response');
    const firstActionId = sent.correctiveActions[0].actionId;
    await actOk(handler, submitted.id, 'complete_corrective_action', { actionId: firstActionId, evidence: 'RAHASIA foto papan' });

    const { view, body } = await reporterView(submitted);
    assert.equal(view.response.text, answer);
    assert.equal(view.response.finding, 'substantiated');
    assert.equal(body.split(answer).length - 1, 1, 'the response appears once in the view, not again as a message');
    assert.deepEqual(view.correctiveActions, [
      { description: 'Pasang papan tarif resmi di loket', dueOn: '2026-04-01', status: 'completed' },
      { description: 'Pelatihan etika pelayanan', dueOn: '2026-05-15', status: 'open' },
    ]);
    for (const secret of ['RAHASIA', 'Penangan Joko', 'Kepala Kantor', 'ownerId']) assert.ok(!body.includes(secret), `${secret} is not the reporter's to see`);
  });

  it('warns a reporter asked for information when the complaint closes without an answer, from the service-level settings', async () => {
    const submitted = await submit();
    await actOk(coordinator, submitted.id, 'request_info', { message: 'Loket nomor berapa?' });
    const { view } = await reporterView(submitted);
    assert.equal(view.question.text, 'Loket nomor berapa?');
    assert.deepEqual(view.question.closesAfter, { amount: 10, unit: 'working_days' });
    // The end of the tenth working day (16.00 WIB): 16, 17, 25, 26, 27, 30, 31 March, 1, 2 and 6 April.
    assert.equal(view.question.closesAt, '2026-04-06T09:00:00.000Z');

    const changed = await t.app.inject({
      method: 'PUT', url: '/api/v1/admin/service-levels/settings', headers: { authorization: admin.authorization },
      payload: { reminderPercents: [50], appealWindowDays: 14, reporterReminderAfter: { amount: 2, unit: 'working_days' }, closeUnansweredAfter: { amount: 3, unit: 'working_days' } },
    });
    assert.equal(changed.statusCode, 200, changed.body);
    const again = await reporterView(submitted);
    assert.deepEqual(again.view.question.closesAfter, { amount: 3, unit: 'working_days' }, 'the warning follows the settings');
    assert.equal(again.view.question.closesAt, '2026-03-25T09:00:00.000Z');
  });
});
