import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { openTestDatabase, type TestDatabase } from '../../test/support/test-database.js';
import type { CaseEvent } from '../domain/case-event.js';
import type { Channel } from '../domain/complaint/channel.js';
import type { ComplaintStatus } from '../domain/complaint/complaint-status.js';
import { appendCaseEvents, startCaseEvents } from './case-events.js';
import { countComplaintVolumes, countRatings, countResponseDeadlines, findFirstReceivedAt, type StatisticsWindow } from './public-statistics.js';
import { findRootUnit } from './units.js';

let database: TestDatabase;
let unitId: number;
let counter = 0;
const staff = { kind: 'staff', userId: 1 } as const;
const february: StatisticsWindow = { fromDay: '2026-02-01', untilDay: '2026-03-01', timeZone: 'Asia/Jakarta' };
const now = new Date('2026-03-13T02:00:00Z');

interface ComplaintSpec {
  receivedAt: string;
  status?: ComplaintStatus;
  channel?: Channel;
  categoryCode?: string | null;
  isWhistleblowing?: boolean;
  /** Events after submission, each with when it happened. */
  events?: { at: string; event: CaseEvent }[];
}

/** A complaint row and its events, straight into the tables (the workflow has its own tests). */
async function aComplaint(spec: ComplaintSpec): Promise<string> {
  counter += 1;
  const id = randomUUID();
  const receivedAt = new Date(spec.receivedAt);
  await database.db.insertInto('complaints').values({
    id, registerNumber: `2026-${String(counter).padStart(6, '0')}`, trackingCodeHash: Buffer.from(`hash-${counter}`), status: spec.status ?? 'received',
    channel: spec.channel ?? 'web', identityMode: 'anonymous', identitySealed: null, pseudonym: null, title: 'Judul', description: 'Uraian',
    facts: JSON.stringify({}), categoryCode: spec.categoryCode ?? null, unitId, locationLat: null, locationLon: null, locale: 'id', completenessScore: 0,
    receivedAt, submittedAt: receivedAt, updatedAt: receivedAt, isWhistleblowing: spec.isWhistleblowing ?? false,
  }).execute();
  await startCaseEvents(database.db, id, { kind: 'reporter' }, receivedAt, [{
    type: 'complaint.submitted',
    data: { registerNumber: `2026-${counter}`, channel: 'web', identityMode: 'anonymous', title: 'Judul', description: 'Uraian', facts: { what: '', where: '', when: '', who: '', how: '' }, categoryCode: null, unitId, receivedAt: receivedAt.toISOString(), location: null, attachmentIds: [] },
  }]);
  for (const { at, event } of spec.events ?? []) await appendCaseEvents(database.db, id, staff, new Date(at), [event]);
  return id;
}

const sent = (text = 'Jawaban'): CaseEvent => ({ type: 'response.sent', data: { draftNumber: 1, finding: 'substantiated', text } });
const rated = (rating: number): CaseEvent => ({ type: 'reporter.rated', data: { rating, comment: null } });

before(async () => {
  database = await openTestDatabase();
  unitId = (await findRootUnit(database.db)).id;
});
after(() => database.close());

describe('complaint volumes', () => {
  before(async () => {
    // 1 February 00:30 WIB is still 31 January in UTC: it belongs to February here.
    await aComplaint({ receivedAt: '2026-01-31T17:30:00Z', channel: 'email', categoryCode: 'service.time' });
    await aComplaint({ receivedAt: '2026-02-10T03:00:00Z', channel: 'web', categoryCode: 'service.time', status: 'closed' });
    await aComplaint({ receivedAt: '2026-02-11T03:00:00Z', channel: 'web', categoryCode: null });
    // The last minute of February WIB, and the first of March (outside).
    await aComplaint({ receivedAt: '2026-02-28T16:59:00Z', channel: 'letter', categoryCode: 'service.cost' });
    await aComplaint({ receivedAt: '2026-02-28T17:00:00Z', channel: 'letter' });
    // Whistleblowing: flagged at triage, or filed under a whistleblowing category.
    await aComplaint({ receivedAt: '2026-02-12T03:00:00Z', channel: 'web', categoryCode: 'service.cost', isWhistleblowing: true });
    await aComplaint({ receivedAt: '2026-02-13T03:00:00Z', channel: 'whatsapp', categoryCode: 'integrity.bribery' });
  });

  it('counts by local month, channel, category and status, whistleblowing reports only as a number of their own', async () => {
    const volumes = await countComplaintVolumes(database.db, february);
    assert.equal(volumes.total, 4);
    assert.equal(volumes.whistleblowing, 2);
    assert.deepEqual([...volumes.byMonth], [['2026-02', 4]]);
    assert.deepEqual(new Map(volumes.byChannel), new Map([['email', 1], ['web', 2], ['letter', 1]]), 'no whatsapp: that one was whistleblowing');
    assert.deepEqual(new Map(volumes.byCategory), new Map<string | null, number>([['service.time', 2], [null, 1], ['service.cost', 1]]));
    assert.deepEqual(new Map(volumes.byStatus), new Map([['received', 3], ['closed', 1]]));
  });

  it('buckets months in the time zone asked for', async () => {
    const volumes = await countComplaintVolumes(database.db, { fromDay: '2026-01-01', untilDay: '2026-03-01', timeZone: 'UTC' });
    assert.deepEqual(new Map(volumes.byMonth), new Map([['2026-01', 1], ['2026-02', 4]]), 'in UTC the first one is January, and 1 March 00:00 WIB is February');
  });

  it('finds when the first complaint came in', async () => {
    assert.deepEqual(await findFirstReceivedAt(database.db), new Date('2026-01-31T17:30:00Z'));
  });
});

describe('response deadlines and ratings', () => {
  const window: StatisticsWindow = { fromDay: '2025-06-01', untilDay: '2025-07-01', timeZone: 'Asia/Jakarta' };
  const day = (date: number, hour = 3) => `2025-06-${String(date).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00Z`;
  const closed: CaseEvent = { type: 'case.closed', data: { note: null } };

  /** The response deadline as the service-level engine records it (its own tests say when it is met). */
  async function aResponseDeadline(complaintId: string, deadline: { cycle?: number; dueAt: string; metAt?: string; endedAt?: string; pausedAt?: string }) {
    await database.db.insertInto('caseDeadlines').values({
      complaintId, kind: 'response', cycle: deadline.cycle ?? 1, policyId: null, durationAmount: 14, durationUnit: 'calendar_days', calendarUnitId: unitId,
      startsAt: new Date(day(1)), dueAt: new Date(deadline.dueAt), dueSoonAt: new Date(deadline.dueAt),
      pausedAt: deadline.pausedAt === undefined ? null : new Date(deadline.pausedAt), metAt: deadline.metAt === undefined ? null : new Date(deadline.metAt),
      endedAt: deadline.endedAt === undefined ? null : new Date(deadline.endedAt), reminderPoints: '[]', nextReminderAt: null, escalatedAt: null,
    }).execute();
  }

  before(async () => {
    // In time (a response; an answer at the desk), rated 5 and not rated.
    const inTime = await aComplaint({ receivedAt: day(1), status: 'closed', events: [{ at: day(10), event: sent() }, { at: day(11), event: rated(5) }, { at: day(11), event: closed }] });
    await aResponseDeadline(inTime, { dueAt: day(15), metAt: day(10) });
    const atDesk = await aComplaint({ receivedAt: day(2), status: 'closed', channel: 'walk_in', events: [{ at: day(2), event: { type: 'case.resolved_at_desk', data: { answer: 'Selesai' } } }] });
    await aResponseDeadline(atDesk, { dueAt: day(2, 4), metAt: day(2) });
    // Late, rated 2.
    const late = await aComplaint({ receivedAt: day(3), status: 'closed', events: [{ at: day(20), event: sent() }, { at: day(21), event: rated(2) }, { at: day(21), event: closed }] });
    await aResponseDeadline(late, { dueAt: day(17), metAt: day(20) });
    // Overdue; pending (deadline ahead, or stopped while the reporter is asked).
    await aResponseDeadline(await aComplaint({ receivedAt: day(4), status: 'in_progress' }), { dueAt: day(18) });
    await aResponseDeadline(await aComplaint({ receivedAt: day(5), status: 'in_progress' }), { dueAt: '2026-04-01T00:00:00Z' });
    await aResponseDeadline(await aComplaint({ receivedAt: day(6), status: 'needs_info' }), { dueAt: day(19), pausedAt: day(7) });
    // Ended without needing an answer: not counted.
    await aResponseDeadline(await aComplaint({ receivedAt: day(6), status: 'rejected' }), { dueAt: day(20), endedAt: day(7) });
    // Answered and rated 1, appealed, rated 4 after the second answer: the second round counts, and the latest rating.
    const appealed = await aComplaint({
      receivedAt: day(8), status: 'closed',
      events: [
        { at: day(9), event: sent() }, { at: day(10), event: rated(1) }, { at: day(10), event: closed },
        { at: day(12), event: { type: 'case.appealed', data: { reasons: 'Tidak puas', fromUnitId: unitId, toUnitId: unitId } } },
        { at: day(25), event: sent() }, { at: day(26), event: rated(4) }, { at: day(26), event: closed },
      ],
    });
    await aResponseDeadline(appealed, { cycle: 2, dueAt: day(26), metAt: day(25) });
    // Appealed and not answered again yet: overdue in its second round, its first rating (3) still counts.
    const reopened = await aComplaint({
      receivedAt: day(9), status: 'assigned',
      events: [{ at: day(10), event: sent() }, { at: day(11), event: rated(3) }, { at: day(11), event: closed }, { at: day(12), event: { type: 'case.appealed', data: { reasons: 'Tidak puas', fromUnitId: unitId, toUnitId: unitId } } }],
    });
    await aResponseDeadline(reopened, { cycle: 2, dueAt: day(26) });
    // Whistleblowing: never part of these counts.
    const whistleblowing = await aComplaint({ receivedAt: day(9), status: 'closed', isWhistleblowing: true, events: [{ at: day(10), event: sent() }, { at: day(11), event: rated(3) }, { at: day(11), event: closed }] });
    await aResponseDeadline(whistleblowing, { dueAt: day(30), metAt: day(10) });
  });

  it('counts the current round of each response deadline: met in time, met late, overdue, pending; ended ones not at all', async () => {
    assert.deepEqual({ ...await countResponseDeadlines(database.db, window, now) }, { answeredInTime: 3, answeredLate: 1, overdue: 2, pending: 2 });
  });

  it('counts each complaint\'s latest rating once', async () => {
    assert.deepEqual(await countRatings(database.db, window), [0, 1, 1, 1, 1]);
  });
});
