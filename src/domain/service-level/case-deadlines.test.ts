import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor, CaseEvent, RecordedCaseEvent } from '../case-event.js';
import { deadlineClocksOf, nextReminderAt, overdueSinceOf, planDeadline, type DeadlineClock } from './case-deadlines.js';
import type { Duration } from './deadline.js';
import { indonesianHolidays, nonWorkingDaysOf } from './indonesian-holidays.js';
import { createWorkingCalendar, localDateTimeToInstant } from './working-calendar.js';

const wib = createWorkingCalendar({ timeZone: 'Asia/Jakarta', nonWorkingDays: nonWorkingDaysOf(indonesianHolidays), officeHours: { start: '08:00', end: '16:00' } });
const jakarta = (date: string, time: string) => localDateTimeToInstant(date, time, 'Asia/Jakarta');
const sevenWorkingDays: Duration = { amount: 7, unit: 'working_days' };
const staff: Actor = { kind: 'staff', userId: 7 };
const reporter: Actor = { kind: 'reporter' };

/** A case's history: each entry happens at its time, by its actor. */
function history(...entries: [Date, Actor, CaseEvent][]): RecordedCaseEvent[] {
  return entries.map(([occurredAt, actor, event], index) => ({ ...event, sequence: index + 1, occurredAt, actor }) as RecordedCaseEvent);
}

function submitted(receivedAt: Date): CaseEvent {
  return {
    type: 'complaint.submitted',
    data: {
      registerNumber: '2026-000001', channel: 'letter', identityMode: 'identified', title: 'Surat', description: 'Isi surat',
      facts: { what: 'a', where: 'b', when: 'c', who: 'd', how: 'e' }, categoryCode: null, unitId: 1,
      receivedAt: receivedAt.toISOString(), location: null, attachmentIds: [],
    },
  };
}

function clockOf(clocks: DeadlineClock[], kind: DeadlineClock['kind']): DeadlineClock {
  const clock = clocks.find((candidate) => candidate.kind === kind);
  assert.ok(clock, kind);
  return clock;
}

describe('which event meets which deadline', () => {
  const receivedAt = jakarta('2026-03-13', '10:15');

  it('counts from when the letter arrived, and an intake officer recording it acknowledges it', () => {
    const clocks = deadlineClocksOf(history([jakarta('2026-03-16', '09:00'), staff, submitted(receivedAt)]));
    assert.deepEqual(clocks.map((clock) => clock.kind), ['acknowledgement', 'verification', 'response']);
    for (const clock of clocks) assert.equal(clock.startsAt.getTime(), receivedAt.getTime());
    assert.equal(clockOf(clocks, 'acknowledgement').metAt?.getTime(), jakarta('2026-03-16', '09:00').getTime());
    assert.equal(clockOf(clocks, 'verification').metAt, null);
  });

  it('acknowledges a web complaint with the first staff action, not with the reporter’s own messages or an unsealing', () => {
    const clocks = deadlineClocksOf(history(
      [receivedAt, reporter, submitted(receivedAt)],
      [jakarta('2026-03-13', '11:00'), reporter, { type: 'reporter.message_added', data: { text: 'tambahan' } }],
      [jakarta('2026-03-13', '12:00'), staff, { type: 'identity.unsealed', data: { reason: 'perlu' } }],
      [jakarta('2026-03-16', '08:30'), staff, { type: 'case.note_added', data: { text: 'dibaca' } }],
    ));
    assert.equal(clockOf(clocks, 'acknowledgement').metAt?.getTime(), jakarta('2026-03-16', '08:30').getTime());
  });

  it('meets verification by verifying or rejecting; a rejection ends the response deadline', () => {
    const verified = deadlineClocksOf(history(
      [receivedAt, reporter, submitted(receivedAt)],
      [jakarta('2026-03-16', '10:00'), staff, { type: 'case.verified', data: { result: 'indicated', note: 'ok', draftReply: null } }],
    ));
    assert.equal(clockOf(verified, 'verification').metAt?.getTime(), jakarta('2026-03-16', '10:00').getTime());
    const rejected = deadlineClocksOf(history(
      [receivedAt, reporter, submitted(receivedAt)],
      [jakarta('2026-03-16', '10:00'), staff, { type: 'case.rejected', data: { reason: 'out_of_scope', message: 'bukan wewenang kami' } }],
    ));
    assert.equal(clockOf(rejected, 'verification').metAt?.getTime(), jakarta('2026-03-16', '10:00').getTime());
    assert.equal(clockOf(rejected, 'response').metAt, null);
    assert.equal(clockOf(rejected, 'response').endedAt?.getTime(), jakarta('2026-03-16', '10:00').getTime());
  });

  it('meets the response by sending it, and everything at once when answered at the desk', () => {
    const sent = deadlineClocksOf(history(
      [receivedAt, reporter, submitted(receivedAt)],
      [jakarta('2026-03-25', '10:00'), staff, { type: 'response.sent', data: { draftNumber: 1, finding: 'substantiated', text: 'jawaban' } }],
    ));
    assert.equal(clockOf(sent, 'response').metAt?.getTime(), jakarta('2026-03-25', '10:00').getTime());
    const atDesk = deadlineClocksOf(history(
      [receivedAt, staff, submitted(receivedAt)],
      [jakarta('2026-03-13', '10:30'), staff, { type: 'case.resolved_at_desk', data: { answer: 'selesai' } }],
    ));
    for (const clock of atDesk) assert.ok(clock.metAt !== null, clock.kind);
  });

  it('restarts the response clock on appeal and every clock on a referral inside the installation', () => {
    const appealedAt = jakarta('2026-04-20', '09:00');
    const appealed = deadlineClocksOf(history(
      [receivedAt, staff, submitted(receivedAt)],
      [jakarta('2026-03-16', '10:00'), staff, { type: 'case.verified', data: { result: 'indicated', note: 'ok', draftReply: null } }],
      [jakarta('2026-03-25', '10:00'), staff, { type: 'response.sent', data: { draftNumber: 1, finding: 'substantiated', text: 'jawaban' } }],
      [appealedAt, reporter, { type: 'case.appealed', data: { reasons: 'tidak puas', fromUnitId: 2, toUnitId: 1 } }],
    ));
    assert.deepEqual(clockOf(appealed, 'response'), { kind: 'response', cycle: 2, startsAt: appealedAt, pauses: [], metAt: null, endedAt: null });
    assert.equal(clockOf(appealed, 'verification').cycle, 1);
    assert.ok(clockOf(appealed, 'verification').metAt !== null);

    const referredAt = jakarta('2026-03-17', '09:00');
    const referred = deadlineClocksOf(history(
      [receivedAt, staff, submitted(receivedAt)],
      [referredAt, staff, { type: 'case.referred', data: { to: { kind: 'unit', unitId: 3 } } }],
    ));
    for (const clock of referred) assert.deepEqual({ cycle: clock.cycle, startsAt: clock.startsAt, metAt: clock.metAt }, { cycle: 2, startsAt: referredAt, metAt: null });
  });

  it('stops the clocks while the reporter is asked for information, and leaves the last stop open until they answer', () => {
    const asked = jakarta('2026-03-25', '08:00');
    const answered = jakarta('2026-03-30', '08:00');
    const events = history(
      [receivedAt, reporter, submitted(receivedAt)],
      [asked, staff, { type: 'case.info_requested', data: { message: 'kapan?' } }],
    );
    assert.deepEqual(clockOf(deadlineClocksOf(events), 'response').pauses, [{ from: asked, to: null }]);
    const resumed = deadlineClocksOf([...events, ...history([answered, reporter, { type: 'reporter.answered', data: { text: 'Senin' } }]).map((event) => ({ ...event, sequence: 3 }))]);
    assert.deepEqual(clockOf(resumed, 'response').pauses, [{ from: asked, to: answered }]);
  });

  it('ends the deadlines not met when the case is withdrawn, merged, closed or referred outside', () => {
    for (const event of [
      { type: 'case.withdrawn', data: { reason: 'selesai sendiri' } },
      { type: 'case.merged', data: { intoId: 'x', intoRegisterNumber: '2026-000002' } },
      { type: 'case.closed_automatically', data: { reason: 'no_answer' } },
      { type: 'case.referred', data: { to: { kind: 'agency', agency: 'Ombudsman', note: '-' } } },
    ] satisfies CaseEvent[]) {
      const clocks = deadlineClocksOf(history([receivedAt, staff, submitted(receivedAt)], [jakarta('2026-03-17', '09:00'), staff, event]));
      assert.equal(clockOf(clocks, 'response').endedAt?.getTime(), jakarta('2026-03-17', '09:00').getTime(), event.type);
      assert.ok(clockOf(clocks, 'acknowledgement').metAt !== null, 'met at intake, not ended');
    }
  });
});

describe('planned deadlines', () => {
  const receivedAt = jakarta('2026-03-13', '10:15');
  const clock = (pauses: DeadlineClock['pauses'] = []): DeadlineClock => ({ kind: 'response', cycle: 1, startsAt: receivedAt, pauses, metAt: null, endedAt: null });

  it('give a letter received by a WIB unit on Friday 13 March 2026 until Tuesday 31 March, 16:00', () => {
    const planned = planDeadline(clock(), sevenWorkingDays, wib, [50, 80]);
    assert.equal(planned.dueAt.toISOString(), jakarta('2026-03-31', '16:00').toISOString());
    // 3.5 and 5.6 of the 7 working days after day 0 (16, 17, 25, 26, 27, 30, 31 March).
    assert.deepEqual(planned.reminderPoints.map((point) => [point.percent, point.at.toISOString()]), [
      [50, jakarta('2026-03-26', '12:00').toISOString()],
      [80, jakarta('2026-03-30', '12:48').toISOString()],
    ]);
    assert.equal(planned.dueSoonAt.toISOString(), jakarta('2026-03-30', '12:48').toISOString());
    assert.equal(planned.pausedAt, null);
  });

  it('keep the due time where it stood while paused, and move it by the paused working time on resuming', () => {
    const from = jakarta('2026-03-25', '08:00');
    const paused = planDeadline(clock([{ from, to: null }]), sevenWorkingDays, wib, [50, 80]);
    assert.equal(paused.pausedAt?.getTime(), from.getTime());
    assert.equal(paused.dueAt.toISOString(), jakarta('2026-03-31', '16:00').toISOString());
    assert.equal(nextReminderAt(paused, new Set()), null, 'no reminders while the clock stands still');
    const resumed = planDeadline(clock([{ from, to: jakarta('2026-03-30', '08:00') }]), sevenWorkingDays, wib, [50, 80]);
    // Three working days (25, 26, 27 March) later, over Good Friday 3 April.
    assert.equal(resumed.dueAt.toISOString(), jakarta('2026-04-06', '16:00').toISOString());
  });

  it('do not stop for a pause that begins after the deadline passed: the case stays overdue', () => {
    const late = planDeadline(clock([{ from: jakarta('2026-04-01', '09:00'), to: null }]), sevenWorkingDays, wib, [50, 80]);
    assert.equal(late.pausedAt, null);
    assert.equal(overdueSinceOf([late], jakarta('2026-04-02', '09:00'))?.toISOString(), jakarta('2026-03-31', '16:00').toISOString());
  });

  it('remind once per threshold, the next one not yet sent, and never after the deadline is met', () => {
    const planned = planDeadline(clock(), sevenWorkingDays, wib, [80, 50, 50, 100]);
    assert.deepEqual(planned.reminderPoints.map((point) => point.percent), [50, 80], 'sorted, unique, below 100');
    assert.equal(nextReminderAt(planned, new Set([50]))?.toISOString(), jakarta('2026-03-30', '12:48').toISOString());
    assert.equal(nextReminderAt(planned, new Set([50, 80])), null);
    assert.equal(nextReminderAt({ ...planned, metAt: jakarta('2026-03-20', '09:00') }, new Set()), null);
  });

  it('say a case is overdue from its earliest passed deadline that still counts', () => {
    const ack = planDeadline({ ...clock(), kind: 'acknowledgement' }, { amount: 1, unit: 'working_days' }, wib, []);
    const response = planDeadline(clock(), sevenWorkingDays, wib, []);
    assert.equal(overdueSinceOf([ack, response], jakarta('2026-03-16', '15:59')), null);
    assert.equal(overdueSinceOf([ack, response], jakarta('2026-03-16', '16:01'))?.toISOString(), jakarta('2026-03-16', '16:00').toISOString());
    assert.equal(overdueSinceOf([{ ...ack, metAt: jakarta('2026-03-17', '09:00') }, response], jakarta('2026-03-18', '09:00')), null);
  });
});
