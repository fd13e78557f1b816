// The worker's service-level jobs on a fixed clock, over the real database: reminders before
// deadlines, escalation at breach, and closing the cases nobody acts on.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { MessageTemplate } from '../../domain/notifications/templates.js';
import { fixedClock, startTestApp, type TestApp } from '../../../test/support/test-app.js';
import { caseDriver } from '../../../test/support/case-driver.js';
import { aStaffMember, rootUnitId, signInAgain } from '../../../test/support/staff.js';
import { escalateMissedDeadlines } from './escalate-missed-deadlines.js';
import { followUpCases } from './follow-up-cases.js';
import { sendDeadlineReminders } from './send-deadline-reminders.js';

type Staff = Awaited<ReturnType<typeof aStaffMember>>;
type Deadline = { kind: string; dueAt: string; metAt?: string; state: string };

const MINUTE_MS = 60_000;
/** 09:00 WIB on Monday 6 April 2026. */
const mondayMorning = new Date('2026-04-06T02:00:00Z');
const clock = fixedClock(mondayMorning);
let t: TestApp;
let coordinator: Staff, head: Staff, intake: Staff, handler: Staff;

before(async () => {
  t = await startTestApp({ clock });
  const root = await rootUnitId(t);
  coordinator = await aStaffMember(t, { unitId: root, roles: ['coordinator'] });
  head = await aStaffMember(t, { unitId: root, roles: ['head'] });
  intake = await aStaffMember(t, { unitId: root, roles: ['intake'] });
  handler = await aStaffMember(t, { unitId: root, roles: ['handler'] });
});
after(() => t.close());

const at = (ms: number) => clock.set(new Date(mondayMorning.getTime() + ms));

const { submit, actOk } = caseDriver(() => t, { signInEachRequest: true });

async function view(staff: Staff, id: string) {
  const response = await t.app.inject({ method: 'GET', url: `/api/v1/complaints/${id}`, headers: { authorization: await signInAgain(t, staff) } });
  assert.equal(response.statusCode, 200, response.body);
  return response.json() as { status: string; deadlines: Deadline[]; timeline: { type: string; actor: { kind: string }; data: Record<string, unknown> }[] };
}

async function outbox(complaintId: string, template: MessageTemplate) {
  return t.deps.db.selectFrom('outbox').select(['recipient', 'data', 'eventId']).where('complaintId', '=', complaintId).where('template', '=', template).orderBy('id').execute();
}

const states = (deadlines: Deadline[]) => Object.fromEntries(deadlines.map((deadline) => [deadline.kind, deadline.state]));

describe('reminders and escalation', () => {
  it('reminds the coordinators at 50% and 80% of a walk-in’s 30 minutes, once each, then escalates to the head at breach', async () => {
    at(0);
    const walkIn = await submit({ channel: 'walk_in', receivedAt: mondayMorning.toISOString(), identity: { mode: 'identified', name: 'Budi', phone: '081200000000' }, intake: { identityDocumentChecked: true } }, intake);

    at(10 * MINUTE_MS);
    assert.deepEqual(await sendDeadlineReminders(t.deps), { done: 0, busy: 0 });
    at(16 * MINUTE_MS);
    assert.deepEqual(await sendDeadlineReminders(t.deps), { done: 1, busy: 0 });
    assert.deepEqual(await sendDeadlineReminders(t.deps), { done: 0, busy: 0 }, 'a second run finds nothing left to send');
    const half = await outbox(walkIn.id, 'deadline.reminder');
    // Verification and response are both half gone (acknowledgement was met when intake recorded it).
    assert.deepEqual(half.map((row) => [(row.data as { deadlineKind: string }).deadlineKind, (row.data as { percent: number }).percent, row.recipient]).sort(), [
      ['response', 50, { kind: 'staff', userId: coordinator.id }], ['verification', 50, { kind: 'staff', userId: coordinator.id }],
    ]);
    assert.deepEqual(states((await view(coordinator, walkIn.id)).deadlines), { acknowledgement: 'met', verification: 'running', response: 'running' });

    at(25 * MINUTE_MS);
    await sendDeadlineReminders(t.deps);
    assert.equal((await outbox(walkIn.id, 'deadline.reminder')).length, 4);
    assert.deepEqual(states((await view(coordinator, walkIn.id)).deadlines), { acknowledgement: 'met', verification: 'due_soon', response: 'due_soon' });

    const overdueInbox = async () => {
      const response = await t.app.inject({ method: 'GET', url: '/api/v1/complaints?overdue=true', headers: { authorization: await signInAgain(t, coordinator) } });
      return (response.json() as { items: { id: string }[] }).items.map((item) => item.id);
    };
    at(31 * MINUTE_MS);
    assert.deepEqual(await escalateMissedDeadlines(t.deps), { done: 1, busy: 0 });
    assert.deepEqual(await escalateMissedDeadlines(t.deps), { done: 0, busy: 0 }, 'escalated once');
    assert.deepEqual(await sendDeadlineReminders(t.deps), { done: 0, busy: 0 }, 'no reminder after the deadline');
    const escalated = await view(coordinator, walkIn.id);
    const missed = escalated.timeline.filter((entry) => entry.type === 'case.deadline_missed');
    assert.deepEqual(missed.map((entry) => [entry.data.kind, entry.actor.kind]).sort(), [['response', 'system'], ['verification', 'system']]);
    assert.deepEqual(states(escalated.deadlines), { acknowledgement: 'met', verification: 'overdue', response: 'overdue' });
    const toHead = await outbox(walkIn.id, 'deadline.missed');
    assert.deepEqual(toHead.map((row) => row.recipient), [{ kind: 'staff', userId: head.id }, { kind: 'staff', userId: head.id }]);
    assert.ok(toHead.every((row) => row.eventId !== null), 'each mail belongs to its event');
    assert.ok((await overdueInbox()).includes(walkIn.id), 'the inbox lists it as overdue');

    at(40 * MINUTE_MS);
    const late = await actOk(coordinator, walkIn.id, 'verify', { result: 'indicated', note: 'Benar' });
    assert.deepEqual(states(late.deadlines), { acknowledgement: 'met', verification: 'missed', response: 'overdue' });
    assert.ok((await overdueInbox()).includes(walkIn.id), 'still overdue: the response is');
  });

  it('clears the overdue flag once no deadline that still counts is past due', async () => {
    at(0);
    const walkIn = await submit({ channel: 'walk_in', receivedAt: mondayMorning.toISOString(), identity: { mode: 'identified', name: 'Ani', phone: '081200000001' } }, intake);
    at(31 * MINUTE_MS);
    await escalateMissedDeadlines(t.deps);
    const flagged = await t.deps.db.selectFrom('complaints').select('overdueSince').where('id', '=', walkIn.id).executeTakeFirstOrThrow();
    assert.equal(flagged.overdueSince?.toISOString(), new Date(mondayMorning.getTime() + 30 * MINUTE_MS).toISOString());
    await actOk(coordinator, walkIn.id, 'reject', { reason: 'out_of_scope', message: 'Bukan kewenangan kami' });
    const cleared = await t.deps.db.selectFrom('complaints').select('overdueSince').where('id', '=', walkIn.id).executeTakeFirstOrThrow();
    assert.equal(cleared.overdueSince, null);
  });
});

describe('cases nobody acts on', () => {
  const identified = { identity: { mode: 'identified', name: 'Siti Aminah', email: 'siti@example.org' } };

  it('reminds a reporter asked for information after five working days, once, and closes the case after ten', async () => {
    at(0);
    const submitted = await submit(identified);
    await actOk(coordinator, submitted.id, 'request_info', { message: 'Kapan kejadiannya?' });

    at(6 * 86_400_000); // Sunday 12 April: four working days gone
    assert.deepEqual(await followUpCases(t.deps), { done: 0, busy: 0 });
    at(7 * 86_400_000 + 8 * 3_600_000); // Monday 13 April, 17:00 WIB: after the close of the fifth working day
    assert.deepEqual(await followUpCases(t.deps), { done: 1, busy: 0 });
    assert.deepEqual(await followUpCases(t.deps), { done: 0, busy: 0 }, 'reminded once');
    const reminders = await outbox(submitted.id, 'case.info_reminder');
    assert.equal(reminders.length, 1);
    assert.deepEqual(reminders[0]?.recipient, { kind: 'reporter', complaintId: submitted.id });
    assert.equal((reminders[0]?.data as { dueAt: string }).dueAt, '2026-04-20T09:00:00.000Z', 'the mail names when the case will close');
    const reminded = await view(coordinator, submitted.id);
    assert.equal(reminded.status, 'needs_info');
    assert.ok(reminded.timeline.some((entry) => entry.type === 'case.reporter_reminded' && entry.actor.kind === 'system'));

    at(14 * 86_400_000 + 8 * 3_600_000); // Monday 20 April, 17:00 WIB
    assert.deepEqual(await followUpCases(t.deps), { done: 1, busy: 0 });
    const closed = await view(coordinator, submitted.id);
    assert.equal(closed.status, 'closed');
    assert.deepEqual(closed.timeline.at(-1)?.data, { reason: 'no_answer' });
    // Verification and response stood still while the case waited, so they ended before falling due: no one's any more.
    assert.deepEqual(closed.deadlines.map((deadline) => [deadline.kind, deadline.state]), [['acknowledgement', 'met']]);
    const told = await outbox(submitted.id, 'case.status_changed');
    assert.deepEqual(told.at(-1)?.data, { registerNumber: submitted.registerNumber, status: 'closed' });
  });

  it('closes a responded case when the 14-day appeal window has ended, not before', async () => {
    at(0);
    const submitted = await submit(identified);
    await actOk(coordinator, submitted.id, 'verify', { result: 'indicated', note: 'Benar' });
    const root = await rootUnitId(t);
    await actOk(head, submitted.id, 'assign', { unitId: root, handlerId: handler.id, instructions: 'Tangani' });
    await actOk(handler, submitted.id, 'start');
    await actOk(handler, submitted.id, 'draft_response', { finding: 'substantiated', text: 'Kami sudah memperbaikinya.' });
    await actOk(handler, submitted.id, 'submit_for_approval');
    at(3_600_000); // responded at 10:00 WIB on Monday 6 April
    const responded = await actOk(coordinator, submitted.id, 'send_response');
    assert.equal(responded.status, 'responded');

    clock.set(new Date('2026-04-20T16:59:00Z')); // 23:59 WIB on Monday 20 April, the 14th day
    assert.deepEqual(await followUpCases(t.deps), { done: 0, busy: 0 });
    clock.set(new Date('2026-04-20T17:00:00Z')); // midnight
    assert.deepEqual(await followUpCases(t.deps), { done: 1, busy: 0 });
    const closed = await view(coordinator, submitted.id);
    assert.equal(closed.status, 'closed');
    assert.deepEqual(closed.timeline.at(-1)?.data, { reason: 'appeal_window_passed' });
    assert.deepEqual(states(closed.deadlines), { acknowledgement: 'met', verification: 'met', response: 'met' });
  });
});

describe('minute deadlines in office hours', () => {
  it('gives a walk-in recorded at 19:00 on the eve of a holiday until 08:30 on the next working day, and escalates nothing before', async () => {
    // Thursday 2 April 2026, 19:00 WIB; Friday 3 April is Good Friday, so the office next opens on Monday 6 April.
    const evening = new Date('2026-04-02T12:00:00Z');
    clock.set(evening);
    const walkIn = await submit({ channel: 'walk_in', receivedAt: evening.toISOString(), identity: { mode: 'identified', name: 'Dewi', phone: '081200000002' }, intake: { identityDocumentChecked: true } }, intake);
    const due = (await view(coordinator, walkIn.id)).deadlines.filter((deadline) => deadline.kind !== 'acknowledgement');
    assert.deepEqual(due.map((deadline) => deadline.dueAt), ['2026-04-06T01:30:00.000Z', '2026-04-06T01:30:00.000Z'], '08:30 WIB on Monday');

    const missedEvents = async () => (await view(coordinator, walkIn.id)).timeline.filter((entry) => entry.type === 'case.deadline_missed').length;
    for (const at of ['2026-04-02T12:31:00Z', '2026-04-03T03:00:00Z', '2026-04-06T00:59:00Z']) {
      clock.set(new Date(at));
      await sendDeadlineReminders(t.deps);
      await escalateMissedDeadlines(t.deps);
      assert.equal(await missedEvents(), 0, `nothing is missed at ${at}`);
      assert.equal((await outbox(walkIn.id, 'deadline.reminder')).length, 0, `nobody is reminded at ${at}, before the office opens`);
    }
    clock.set(new Date('2026-04-06T01:29:00Z'));
    await escalateMissedDeadlines(t.deps);
    assert.equal(await missedEvents(), 0, 'not missed at 08:29');
    clock.set(new Date('2026-04-06T01:31:00Z'));
    await escalateMissedDeadlines(t.deps);
    assert.equal(await missedEvents(), 2, 'verification and response are missed once the office has had its 30 minutes');
  });
});
