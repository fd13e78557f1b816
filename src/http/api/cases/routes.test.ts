import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { fixedClock, startTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { caseDriver } from '../../../../test/support/case-driver.js';
import { aStaffMember, aTeam, aUnit, rootUnitId } from '../../../../test/support/staff.js';

let t: TestApp;
const clock = fixedClock(new Date('2026-03-13T02:00:00Z'));
type Staff = Awaited<ReturnType<typeof aStaffMember>>;
let root: number;
let division: number;
let coordinator: Staff, rootHead: Staff, divisionHead: Staff, handler: Staff, auditor: Staff, intake: Staff, outsider: Staff, outsiderUnit: number;

before(async () => {
  t = await startTestApp({ clock });
  root = await rootUnitId(t);
  await t.deps.db.updateTable('units').set({ approvalChain: JSON.stringify([{ role: 'head', unitsUp: 0 }]) }).where('id', '=', root).execute();
  division = await aUnit(t, { code: 'DIV', parentId: root, approvalChain: [{ role: 'head', unitsUp: 0 }, { role: 'head', unitsUp: 1 }] });
  outsiderUnit = await aUnit(t, { code: 'LAIN', parentId: root });
  coordinator = await aStaffMember(t, { unitId: root, roles: ['coordinator'], name: 'Koordinator' });
  rootHead = await aStaffMember(t, { unitId: root, roles: ['head'], name: 'Kepala Kantor' });
  divisionHead = await aStaffMember(t, { unitId: division, roles: ['head'], name: 'Kepala Seksi' });
  handler = await aStaffMember(t, { unitId: division, roles: ['handler'], name: 'Penangan' });
  auditor = await aStaffMember(t, { unitId: root, roles: ['auditor'] });
  intake = await aStaffMember(t, { unitId: root, roles: ['intake'] });
  outsider = await aStaffMember(t, { unitId: outsiderUnit, roles: ['coordinator', 'head', 'handler'] });
});
after(() => t.close());

const { submit, act, actOk, reporterToken } = caseDriver(() => t);

async function reporterView(submitted: { registerNumber: string; trackingCode: string }) {
  return (await t.app.inject({ method: 'GET', url: '/api/v1/reporter/complaint', headers: { authorization: await reporterToken(submitted) } })).json();
}

/** Verified, triaged, assigned to the handler in the division, started. */
async function caseInProgress(overrides: Record<string, unknown> = {}) {
  const submitted = await submit(overrides);
  await actOk(coordinator, submitted.id, 'verify', { result: 'indicated', note: 'Ada indikasi kebenaran', draftReply: 'Terima kasih ...' });
  await actOk(coordinator, submitted.id, 'triage', { category: 'service.time', urgency: 2, impact: 3 });
  await actOk(rootHead, submitted.id, 'assign', { unitId: division, handlerId: handler.id, instructions: 'Periksa antrean loket' });
  await actOk(handler, submitted.id, 'start');
  return submitted;
}

describe('a complaint from submission to closure', () => {
  it('goes through verification, disposition, a two-level approval with a return, the letter, a rating and closure', async () => {
    const submitted = await submit({ identity: { mode: 'identified', name: 'Siti Aminah', email: 'siti@example.org', address: 'Jl. Melati 5, Pekanbaru' } });
    const inbox = await t.app.inject({ method: 'GET', url: '/api/v1/complaints?status=received', headers: { authorization: coordinator.authorization } });
    assert.equal(inbox.statusCode, 200, inbox.body);
    assert.ok(inbox.json().items.some((item: { id: string }) => item.id === submitted.id));

    const verified = await actOk(coordinator, submitted.id, 'verify', { result: 'indicated', note: 'Ada indikasi kebenaran pengaduan' });
    assert.equal(verified.status, 'verified');
    assert.equal(verified.reporter.identity.name, 'Siti Aminah', 'an identified reporter is known to the staff handling the case');
    const triaged = await actOk(coordinator, submitted.id, 'triage', { category: 'service.time', urgency: 3, impact: 3 });
    assert.equal(triaged.priority, 'high');
    await actOk(rootHead, submitted.id, 'assign', { unitId: division, handlerId: handler.id, instructions: 'Periksa antrean loket' });
    await actOk(handler, submitted.id, 'start');
    await actOk(handler, submitted.id, 'add_note', { text: 'Catatan internal: rekaman CCTV diminta' });
    await actOk(handler, submitted.id, 'draft_response', { finding: 'partly_substantiated', text: 'Antrean memang lama pada hari itu.' });
    const inReview = await actOk(handler, submitted.id, 'submit_for_approval');
    assert.equal(inReview.status, 'response_review');

    const awaiting = await t.app.inject({ method: 'GET', url: '/api/v1/complaints?awaitingMyApproval=true', headers: { authorization: divisionHead.authorization } });
    assert.equal(awaiting.statusCode, 200, awaiting.body);
    assert.deepEqual(awaiting.json().items.map((item: { id: string }) => item.id), [submitted.id]);
    assert.equal((await act(rootHead, submitted.id, 'approve', { note: 'Belum giliran saya' })).statusCode, 403, 'the second level waits for the first');
    await actOk(divisionHead, submitted.id, 'approve', { note: 'Setuju' });
    const returned = await actOk(rootHead, submitted.id, 'return', { note: 'Sebutkan langkah perbaikan' });
    assert.equal(returned.status, 'in_progress');
    await actOk(handler, submitted.id, 'draft_response', { finding: 'partly_substantiated', text: 'Antrean memang lama. Kami menambah satu loket mulai April.' });
    await actOk(handler, submitted.id, 'add_corrective_action', { description: 'Menambah loket pelayanan', ownerId: divisionHead.id, dueOn: '2026-04-30' });
    await actOk(handler, submitted.id, 'submit_for_approval');
    await actOk(divisionHead, submitted.id, 'approve', { note: 'Setuju' });
    const approved = await actOk(rootHead, submitted.id, 'approve', { note: 'Setuju, kirim' });
    assert.equal(approved.status, 'response_approved');
    const sent = await actOk(coordinator, submitted.id, 'send_response');
    assert.equal(sent.status, 'responded');

    const letter = await t.app.inject({ method: 'GET', url: `/api/v1/complaints/${submitted.id}/letter`, headers: { authorization: coordinator.authorization } });
    assert.equal(letter.statusCode, 200);
    assert.equal(letter.headers['content-type'], 'application/pdf');
    assert.equal(letter.rawPayload.subarray(0, 5).toString(), '%PDF-');

    const view = await reporterView(submitted);
    assert.equal(view.status.code, 'responded');
    const texts = view.history.map((entry: { text?: string }) => entry.text ?? '');
    assert.equal(view.response?.text, 'Antrean memang lama. Kami menambah satu loket mulai April.', 'the reporter reads the sent response');
    assert.ok(!texts.includes(view.response?.text), 'once: not again in the history');
    assert.ok(!texts.some((text: string) => text.includes('CCTV')), 'internal notes never reach the reporter');
    assert.equal(view.history[0].kind, 'acknowledged');
    const reporterLetter = await t.app.inject({ method: 'GET', url: '/api/v1/reporter/letter', headers: { authorization: await reporterToken(submitted) } });
    assert.equal(reporterLetter.statusCode, 200);

    const rated = await t.app.inject({ method: 'POST', url: '/api/v1/reporter/actions/rate', headers: { authorization: await reporterToken(submitted) }, payload: { rating: 4, comment: 'Terima kasih' } });
    assert.equal(rated.statusCode, 200, rated.body);
    assert.equal(rated.json().status.code, 'closed');

    const outbox = await sql<{ template: string }>`select template from outbox where complaint_id = ${submitted.id}`.execute(t.database.db);
    const templates = outbox.rows.map((row) => row.template);
    for (const template of ['complaint.acknowledged', 'case.assigned_to_you', 'response.awaiting_your_approval', 'response.sent']) assert.ok(templates.includes(template), template);
  });

  it('refuses, with 409, an action the state does not allow, naming the state and what is allowed', async () => {
    const submitted = await submit();
    const early = await act(coordinator, submitted.id, 'send_response');
    assert.equal(early.statusCode, 409);
    const problem = early.json();
    assert.equal(problem.code, 'workflow.action_not_allowed');
    assert.equal(problem.state, 'received');
    assert.ok(problem.allowed.includes('verify'));
  });
});

describe('refusals that say what would be accepted', () => {
  it('answers an approval out of turn with 403 "not your turn", naming whose turn it is, not "your role does not allow this"', async () => {
    const submitted = await caseInProgress();
    await actOk(handler, submitted.id, 'draft_response', { finding: 'substantiated', text: 'Jawaban' });
    await actOk(handler, submitted.id, 'submit_for_approval');
    for (const [language, title] of [['id', 'Belum giliran Anda menyetujui'], ['en', 'It is not your turn to approve']] as const) {
      const early = await act(rootHead, submitted.id, 'approve', { note: 'Terlalu cepat' }, language);
      assert.equal(early.statusCode, 403, early.body);
      const problem = early.json();
      assert.equal(problem.code, 'workflow.not_your_turn');
      assert.equal(problem.type, '/problems/workflow.not_your_turn');
      assert.equal(problem.title, title);
      assert.deepEqual(problem.awaiting, { role: 'head', unitId: division });
      assert.ok(problem.detail.includes('head') && problem.detail.includes(`unit ${division}`), problem.detail);
    }
    const wrongRole = await act(intake, submitted.id, 'approve', { note: 'x' });
    assert.equal(wrongRole.statusCode, 403);
    assert.equal(wrongRole.json().code, 'workflow.forbidden', 'a role that never approves is still told so');
  });

  it('names the allowed values of a field that must be one of them: wrong, missing, in both languages', async () => {
    const submitted = await caseInProgress();
    const wrong = await act(handler, submitted.id, 'draft_response', { finding: 'true', text: 'Jawaban' });
    assert.equal(wrong.statusCode, 400, wrong.body);
    const [wrongField] = wrong.json().errors;
    assert.equal(wrongField.pointer, '/finding');
    assert.equal(wrongField.detail, 'Harus salah satu dari: substantiated, partly_substantiated, unsubstantiated, undeterminable');
    const missing = await act(handler, submitted.id, 'draft_response', { text: 'Jawaban' }, 'en');
    assert.equal(missing.statusCode, 400, missing.body);
    const [missingField] = missing.json().errors;
    assert.equal(missingField.pointer, '/finding');
    assert.equal(missingField.code, 'required');
    assert.equal(missingField.detail, 'Required; must be one of: substantiated, partly_substantiated, unsubstantiated, undeterminable');
    const rejected = await act(coordinator, submitted.id, 'reject', { reason: 'nope', message: 'x' }, 'en');
    assert.equal(rejected.json().errors[0].detail, 'Must be one of: out_of_scope, insufficient_information, duplicate, other');
  });
});

describe('other paths through the workflow', () => {
  it('an appeal sends the case to the head of the unit above the one that answered', async () => {
    const submitted = await caseInProgress();
    await actOk(handler, submitted.id, 'draft_response', { finding: 'unsubstantiated', text: 'Tidak terbukti.' });
    await actOk(handler, submitted.id, 'submit_for_approval');
    await actOk(divisionHead, submitted.id, 'approve', { note: 'ok' });
    await actOk(rootHead, submitted.id, 'approve', { note: 'ok' });
    await actOk(coordinator, submitted.id, 'send_response');
    const appealed = await t.app.inject({ method: 'POST', url: '/api/v1/reporter/actions/appeal', headers: { authorization: await reporterToken(submitted) }, payload: { reasons: 'Saya tidak puas: antrean tetap lama' } });
    assert.equal(appealed.statusCode, 200, appealed.body);
    assert.equal(appealed.json().status.code, 'appealed');
    const staffView = (await t.app.inject({ method: 'GET', url: `/api/v1/complaints/${submitted.id}`, headers: { authorization: rootHead.authorization } })).json();
    assert.equal(staffView.unitId, root);
    assert.ok(staffView.allowedActions.includes('assign'));
  });

  it('a request for information pauses the case until the reporter answers, then it returns to where it was', async () => {
    const submitted = await submit();
    await actOk(coordinator, submitted.id, 'verify', { result: 'not_indicated', note: 'Belum jelas' });
    const asked = await actOk(coordinator, submitted.id, 'request_info', { message: 'Mohon sebutkan nomor loket.' });
    assert.equal(asked.status, 'needs_info');
    const token = await reporterToken(submitted);
    const seen = (await t.app.inject({ method: 'GET', url: '/api/v1/reporter/complaint', headers: { authorization: token } })).json();
    assert.ok(seen.history.some((entry: { kind: string; text?: string }) => entry.kind === 'message_to_reporter' && entry.text === 'Mohon sebutkan nomor loket.'));
    const answered = await t.app.inject({ method: 'POST', url: '/api/v1/reporter/actions/answer', headers: { authorization: token }, payload: { text: 'Loket 2.' } });
    assert.equal(answered.statusCode, 200, answered.body);
    assert.equal(answered.json().status.code, 'verified');
    const again = await t.app.inject({ method: 'POST', url: '/api/v1/reporter/actions/answer', headers: { authorization: token }, payload: { text: 'Loket 2 lagi.' } });
    assert.equal(again.statusCode, 409, 'nothing was asked any more');
    const withdrawn = await t.app.inject({ method: 'POST', url: '/api/v1/reporter/actions/withdraw', headers: { authorization: token }, payload: { reason: 'Sudah selesai sendiri' } });
    assert.equal(withdrawn.json().status.code, 'withdrawn');
  });

  it('a merge tells the duplicate reporter the surviving register number', async () => {
    const survivor = await submit();
    const duplicate = await submit();
    const merged = await actOk(coordinator, duplicate.id, 'merge', { intoId: survivor.id });
    assert.equal(merged.status, 'merged');
    const view = await reporterView(duplicate);
    assert.ok(view.history.some((entry: { text?: string }) => entry.text?.includes(survivor.registerNumber)));
  });

  it('a referral inside the installation moves the case to the other unit, outside it ends it', async () => {
    const inside = await submit();
    const referred = await actOk(rootHead, inside.id, 'refer', { unitId: division });
    assert.deepEqual([referred.status, referred.unitId], ['received', division]);
    const outside = await submit();
    const away = await actOk(rootHead, outside.id, 'refer', { agency: 'Ombudsman RI', note: 'Di luar kewenangan kami' });
    assert.equal(away.status, 'referred');
  });

  it('a walk-in complaint recorded by an intake officer is answered at the desk and closed', async () => {
    const receivedAt = new Date(clock.now().getTime() - 10 * 60 * 1000).toISOString();
    const walkIn = await submit({ channel: 'walk_in', receivedAt, identity: { mode: 'identified', name: 'Budi', phone: '081200000000' }, intake: { identityDocumentChecked: true } }, { authorization: intake.authorization });
    const resolved = await actOk(intake, walkIn.id, 'resolve_at_desk', { answer: 'Berkas Bapak sudah kami proses hari ini.' });
    assert.equal(resolved.status, 'closed');
    assert.equal(new Date(resolved.receivedAt).toISOString(), receivedAt, 'the clock starts when the person came in');
    const view = await reporterView(walkIn);
    assert.ok(view.history.some((entry: { text?: string }) => entry.text === 'Berkas Bapak sudah kami proses hari ini.'));
  });
});

describe('who may do and see what', () => {
  it('answers 403 to an action a role does not allow and 404 to a case outside the caller\'s units', async () => {
    const submitted = await submit();
    const rootHandler = await aStaffMember(t, { unitId: root, roles: ['handler'] });
    assert.equal((await act(rootHandler, submitted.id, 'verify', { result: 'indicated', note: 'x' })).statusCode, 403);
    assert.equal((await act(coordinator, submitted.id, 'assign', { unitId: division, instructions: 'x' })).statusCode, 403, 'disposition is the head\'s');
    assert.equal((await act(auditor, submitted.id, 'add_note', { text: 'x' })).statusCode, 403, 'auditors change nothing');
    const auditorRead = await t.app.inject({ method: 'GET', url: `/api/v1/complaints/${submitted.id}`, headers: { authorization: auditor.authorization } });
    assert.equal(auditorRead.statusCode, 200, 'auditors read everything');
    const outsiderRead = await t.app.inject({ method: 'GET', url: `/api/v1/complaints/${submitted.id}`, headers: { authorization: outsider.authorization } });
    assert.equal(outsiderRead.statusCode, 404);
    assert.equal((await act(outsider, submitted.id, 'verify', { result: 'indicated', note: 'x' })).statusCode, 404, 'invisible first, then forbidden');
    const anonymous = await t.app.inject({ method: 'GET', url: `/api/v1/complaints/${submitted.id}` });
    assert.equal(anonymous.statusCode, 401);
  });

  it('shows a confidential reporter as a pseudonym until a head unseals the identity, which is recorded', async () => {
    const submitted = await submit({ identity: { mode: 'confidential', name: 'Rahasia Sekali', phone: '081299999999' } });
    const view = (await t.app.inject({ method: 'GET', url: `/api/v1/complaints/${submitted.id}`, headers: { authorization: coordinator.authorization } })).json();
    assert.match(view.reporter.pseudonym, /^Pelapor-/);
    assert.equal(view.reporter.identity, null);
    assert.equal((await act(coordinator, submitted.id, 'unseal_identity', { reason: 'perlu klarifikasi' })).statusCode, 403);
    const unsealed = await actOk(rootHead, submitted.id, 'unseal_identity', { reason: 'Perlu menghubungi pelapor untuk klarifikasi' });
    assert.equal(unsealed.reporter.identity.name, 'Rahasia Sekali');
    assert.ok(unsealed.timeline.some((entry: { type: string }) => entry.type === 'identity.unsealed'));
  });

  it('hides a complaint from the staff it concerns', async () => {
    const submitted = await submit({ concernsStaffIds: [handler.id] }, { authorization: intake.authorization });
    await actOk(coordinator, submitted.id, 'verify', { result: 'indicated', note: 'ok' });
    const read = await t.app.inject({ method: 'GET', url: `/api/v1/complaints/${submitted.id}`, headers: { authorization: handler.authorization } });
    assert.equal(read.statusCode, 404);
  });

  it('shows whistleblowing cases only to the integrity team', async () => {
    const integrityMember = await aStaffMember(t, { unitId: outsiderUnit, roles: ['handler'] });
    await aTeam(t, { unitId: outsiderUnit, code: 'INTEGRITAS', isIntegrityTeam: true, memberIds: [integrityMember.id] });
    const submitted = await submit();
    await actOk(coordinator, submitted.id, 'triage', { category: 'integrity.bribery', urgency: 3, impact: 3 });
    assert.equal((await t.app.inject({ method: 'GET', url: `/api/v1/complaints/${submitted.id}`, headers: { authorization: coordinator.authorization } })).statusCode, 404);
    const member = await t.app.inject({ method: 'GET', url: `/api/v1/complaints/${submitted.id}`, headers: { authorization: integrityMember.authorization } });
    assert.equal(member.statusCode, 200);
    assert.equal(member.json().isWhistleblowing, true);
  });
});

describe('the inbox after the organisation changes', () => {
  async function inboxIds(staff: Staff): Promise<string[]> {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/complaints?limit=100', headers: { authorization: staff.authorization } });
    assert.equal(response.statusCode, 200, response.body);
    return response.json().items.map((item: { id: string }) => item.id);
  }

  it('follows a section moved under another division at the very next request', async () => {
    const section = await aUnit(t, { code: 'SEKSI-PINDAH', parentId: division });
    const submitted = await submit();
    await actOk(coordinator, submitted.id, 'verify', { result: 'indicated', note: 'ok' });
    await actOk(rootHead, submitted.id, 'assign', { unitId: section, instructions: 'Tangani' });
    assert.ok((await inboxIds(divisionHead)).includes(submitted.id), 'the division sees its section\'s case');
    assert.ok(!(await inboxIds(outsider)).includes(submitted.id));
    // Written straight to the table: whatever path changes the tree, the inbox must notice.
    await t.deps.db.updateTable('units').set({ parentId: outsiderUnit }).where('id', '=', section).execute();
    assert.ok(!(await inboxIds(divisionHead)).includes(submitted.id), 'the old division no longer sees it');
    assert.ok((await inboxIds(outsider)).includes(submitted.id), 'the new division does');
  });

  it('answers for whom the token stands now: a moved person sees their new unit, a revoked token gets 401', async () => {
    const mover = await aStaffMember(t, { unitId: division, roles: ['coordinator'] });
    const section = await aUnit(t, { code: 'SEKSI-LAMA', parentId: division });
    const submitted = await submit();
    await actOk(coordinator, submitted.id, 'verify', { result: 'indicated', note: 'ok' });
    await actOk(rootHead, submitted.id, 'assign', { unitId: section, instructions: 'Tangani' });
    assert.ok((await inboxIds(mover)).includes(submitted.id));
    // Changed by another node (or by hand): this node's memory of the token must not answer.
    await t.deps.db.updateTable('users').set({ unitId: outsiderUnit }).where('id', '=', mover.id).execute();
    assert.ok(!(await inboxIds(mover)).includes(submitted.id), 'the old unit\'s case is gone at once');
    await t.deps.db.updateTable('staffTokens').set({ revokedAt: new Date() }).where('userId', '=', mover.id).execute();
    const revoked = await t.app.inject({ method: 'GET', url: '/api/v1/complaints?limit=100', headers: { authorization: mover.authorization } });
    assert.equal(revoked.statusCode, 401);
    assert.equal(revoked.headers['content-type'], 'application/problem+json; charset=utf-8');
  });

  it('stops listing whistleblowing cases to a team the moment it is no longer the integrity team', async () => {
    const member = await aStaffMember(t, { unitId: outsiderUnit, roles: ['handler'] });
    const team = await aTeam(t, { unitId: outsiderUnit, code: 'INTEGRITAS-2', isIntegrityTeam: true, memberIds: [member.id] });
    const submitted = await submit();
    await actOk(coordinator, submitted.id, 'triage', { category: 'integrity.bribery', urgency: 3, impact: 3 });
    assert.ok((await inboxIds(member)).includes(submitted.id));
    await t.deps.db.updateTable('teams').set({ isIntegrityTeam: false }).where('id', '=', team).execute();
    assert.ok(!(await inboxIds(member)).includes(submitted.id));
  });
});

describe('the audit trail', () => {
  it('finds a tampered event and names the first broken link', async () => {
    const submitted = await caseInProgress();
    const intact = await t.app.inject({ method: 'GET', url: `/api/v1/complaints/${submitted.id}/audit`, headers: { authorization: auditor.authorization } });
    assert.deepEqual(intact.json(), { isIntact: true, eventCount: 5, firstBrokenSequence: null, problem: null });
    await t.database.db.transaction().execute(async (trx) => {
      await sql`alter table case_events disable trigger case_events_append_only`.execute(trx);
      await sql`update case_events set data = jsonb_set(data, '{instructions}', '"Abaikan saja"') where complaint_id = ${submitted.id} and sequence = 4`.execute(trx);
      await sql`alter table case_events enable trigger case_events_append_only`.execute(trx);
    });
    const broken = await t.app.inject({ method: 'GET', url: `/api/v1/complaints/${submitted.id}/audit`, headers: { authorization: auditor.authorization } });
    assert.deepEqual(broken.json(), { isIntact: false, eventCount: 5, firstBrokenSequence: 4, problem: 'content_changed' });
  });
});

describe('the public register', () => {
  const reporterName = 'Rahmat Hidayat';
  const answer = `Bapak ${reporterName} yang kami hormati, antrean loket kami perpendek dengan satu loket tambahan mulai April. Petugas loket Sutrisno telah ditegur secara tertulis.`;
  // What staff write for the public from the answer: the reprimand of a named officer left out.
  const publicAnswer = 'Antrean loket diperpendek dengan satu loket tambahan mulai April.';

  /** Answered and closed by the coordinator, as a case the public register may show. */
  async function resolvedCase(overrides: Record<string, unknown> = {}) {
    const submitted = await caseInProgress({ allowPublication: true, identity: { mode: 'confidential', name: reporterName, phone: '0813 1111 2222' }, ...overrides });
    await actOk(handler, submitted.id, 'add_note', { text: 'Catatan internal: petugas loket ditegur' });
    await actOk(handler, submitted.id, 'draft_response', { finding: 'substantiated', text: answer });
    await actOk(handler, submitted.id, 'submit_for_approval');
    await actOk(divisionHead, submitted.id, 'approve', { note: 'ok' });
    await actOk(rootHead, submitted.id, 'approve', { note: 'ok' });
    await actOk(coordinator, submitted.id, 'send_response');
    await actOk(coordinator, submitted.id, 'close', { note: 'Selesai' });
    return submitted;
  }

  async function publishedRow(id: string) {
    return t.database.db.selectFrom('complaints').select(['publishedSummary', 'publishedAt', 'publishedResponse', 'publishedRespondedAt', 'publishedClosedAt']).where('id', '=', id).executeTakeFirstOrThrow();
  }

  it('publishes a resolved case with a summary and the public answer staff wrote, never the response itself, replaces it, and withdraws it', async () => {
    const submitted = await resolvedCase();
    const view = await actOk(coordinator, submitted.id, 'publish', { summary: 'Antrean loket KTP terlalu lama; unit menambah satu loket.', publicAnswer });
    assert.ok(view.timeline.some((entry: { type: string }) => entry.type === 'case.published'));
    assert.ok(view.allowedActions.includes('unpublish'));
    const row = await publishedRow(submitted.id);
    assert.equal(row.publishedSummary, 'Antrean loket KTP terlalu lama; unit menambah satu loket.');
    assert.equal(row.publishedResponse, publicAnswer);
    assert.equal(row.publishedAt?.toISOString(), clock.now().toISOString());
    assert.ok(row.publishedRespondedAt !== null && row.publishedClosedAt !== null);

    const page = await t.app.inject({ method: 'GET', url: `/publik/${submitted.registerNumber}` });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /satu loket tambahan mulai April/);
    for (const secret of [reporterName, 'Rahmat', 'Catatan internal', 'Pungutan liar', '0813', 'Sutrisno', 'ditegur', 'yang kami hormati']) assert.ok(!page.body.includes(secret), `${secret} is not public`);
    const search = await t.app.inject({ method: 'GET', url: '/publik?q=Sutrisno' });
    assert.ok(!search.body.includes(submitted.registerNumber), 'the response is not searchable on the register either');

    await actOk(rootHead, submitted.id, 'publish', { summary: 'Ringkasan yang diperbaiki.', publicAnswer: 'Jawaban yang diperbaiki.' });
    assert.deepEqual({ ...(await publishedRow(submitted.id)), publishedAt: null, publishedRespondedAt: null, publishedClosedAt: null },
      { publishedSummary: 'Ringkasan yang diperbaiki.', publishedResponse: 'Jawaban yang diperbaiki.', publishedAt: null, publishedRespondedAt: null, publishedClosedAt: null }, 'a re-publish replaces both');

    const withdrawn = await actOk(coordinator, submitted.id, 'unpublish', { reason: 'Permintaan pelapor' });
    assert.ok(!withdrawn.allowedActions.includes('unpublish'));
    assert.deepEqual(await publishedRow(submitted.id), { publishedSummary: null, publishedAt: null, publishedResponse: null, publishedRespondedAt: null, publishedClosedAt: null });
    assert.equal((await t.app.inject({ method: 'GET', url: `/publik/${submitted.registerNumber}` })).statusCode, 404);
    assert.equal((await act(coordinator, submitted.id, 'unpublish', {})).statusCode, 409, 'nothing left to withdraw');
  });

  it('refuses, with a clear 409, a case whose reporter did not allow publication', async () => {
    const submitted = await resolvedCase({ allowPublication: false });
    const refused = await act(coordinator, submitted.id, 'publish', { summary: 'Ringkasan', publicAnswer }, 'en');
    assert.equal(refused.statusCode, 409);
    assert.equal(refused.json().code, 'publication.not_consented');
    assert.equal(refused.json().title, 'The reporter did not allow this complaint to be published');
    assert.ok(!(await actOk(coordinator, submitted.id, 'add_note', { text: 'x' })).allowedActions.includes('publish'));
  });

  it('refuses an open case with 409, a summary naming the reporter with 400, and a handler with 403', async () => {
    const open = await submit({ allowPublication: true });
    const early = await act(coordinator, open.id, 'publish', { summary: 'Ringkasan', publicAnswer });
    assert.equal(early.statusCode, 409);
    assert.equal(early.json().code, 'workflow.action_not_allowed');

    const submitted = await resolvedCase();
    const naming = await act(coordinator, submitted.id, 'publish', { summary: `Pak ${reporterName.toUpperCase()} mengeluhkan antrean.`, publicAnswer: `Terima kasih, Pak ${reporterName}.` });
    assert.equal(naming.statusCode, 400);
    assert.deepEqual(naming.json().errors.map((error: { pointer: string; code: string }) => [error.pointer, error.code]), [['/summary', 'mentions_reporter'], ['/publicAnswer', 'mentions_reporter']]);
    const tooLong = await act(coordinator, submitted.id, 'publish', { summary: 'x'.repeat(2001), publicAnswer });
    assert.equal(tooLong.statusCode, 400);
    const answerTooLong = await act(coordinator, submitted.id, 'publish', { summary: 'Ringkasan', publicAnswer: 'x'.repeat(5001) });
    assert.equal(answerTooLong.statusCode, 400);
    assert.equal(answerTooLong.json().errors[0].pointer, '/publicAnswer');
    const noAnswer = await act(coordinator, submitted.id, 'publish', { summary: 'Ringkasan' });
    assert.equal(noAnswer.statusCode, 400, 'the public answer is required');
    assert.equal(noAnswer.json().errors[0].pointer, '/publicAnswer');
    assert.equal((await act(coordinator, submitted.id, 'publish', { summary: 'Ringkasan', publicAnswer: '   ' })).statusCode, 400, 'a blank public answer is refused');
    assert.equal((await act(coordinator, submitted.id, 'publish', { summary: 'ok', publicAnswer, extra: 1 })).statusCode, 400, 'unknown fields are refused');
    assert.equal((await act(handler, submitted.id, 'publish', { summary: 'Ringkasan', publicAnswer })).statusCode, 403);
    assert.equal((await publishedRow(submitted.id)).publishedAt, null, 'nothing was published by a refusal');
  });

  it('takes a published case off the register when the reporter appeals', async () => {
    const submitted = await resolvedCase();
    await actOk(coordinator, submitted.id, 'publish', { summary: 'Antrean loket diperpendek.', publicAnswer });
    const appealed = await t.app.inject({ method: 'POST', url: '/api/v1/reporter/actions/appeal', headers: { authorization: await reporterToken(submitted) }, payload: { reasons: 'Antrean masih lama' } });
    assert.equal(appealed.statusCode, 200, appealed.body);
    assert.equal((await publishedRow(submitted.id)).publishedAt, null);
    assert.equal((await t.app.inject({ method: 'GET', url: `/publik/${submitted.registerNumber}` })).statusCode, 404);
  });
});
