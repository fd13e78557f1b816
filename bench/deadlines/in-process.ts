// Part (a) of bench/deadlines: the pure deadline planner (src/domain/service-level) over
// 100,000 generated cases in this process, beside the bare due-date arithmetic it builds on.
import type { Actor, CaseEvent, RecordedCaseEvent } from '../../src/domain/case-event.js';
import type { Channel } from '../../src/domain/complaint/channel.js';
import { buildServiceLevels, type ServiceLevels } from '../../src/app/service-levels/current-service-levels.js';
import { deadlineClocksOf, overdueSinceOf, planDeadline, type PlannedDeadline } from '../../src/domain/service-level/case-deadlines.js';
import { addDuration } from '../../src/domain/service-level/deadline.js';
import { indonesianHolidays } from '../../src/domain/service-level/indonesian-holidays.js';
import { choosePolicy, type ServiceLevelPolicy } from '../../src/domain/service-level/service-level-policy.js';
import { defaultServiceLevelSettings } from '../../src/domain/service-level/service-level-settings.js';
import type { WorkingCalendar } from '../../src/domain/service-level/working-calendar.js';
import { prng } from '../inbox/vocabulary.js';

const wd = (amount: number) => ({ amount, unit: 'working_days' as const });
const cd = (amount: number) => ({ amount, unit: 'calendar_days' as const });
const min = (amount: number) => ({ amount, unit: 'minutes' as const });

/** The policies migration 0008 seeds. */
export const seededPolicies: ServiceLevelPolicy[] = [
  { id: 1, name: 'Umum', channel: null, categoryCode: null, priority: null, isWhistleblowing: null, durations: { acknowledgement: wd(1), verification: wd(3), response: cd(14) } },
  { id: 2, name: 'Tatap muka', channel: 'walk_in', categoryCode: null, priority: null, isWhistleblowing: null, durations: { acknowledgement: min(30), verification: min(30), response: min(30) } },
  { id: 3, name: 'Telepon', channel: 'phone', categoryCode: null, priority: null, isWhistleblowing: null, durations: { acknowledgement: min(30), verification: min(30), response: min(30) } },
  { id: 4, name: 'Surat', channel: 'letter', categoryCode: null, priority: null, isWhistleblowing: null, durations: { acknowledgement: wd(1), verification: wd(3), response: wd(7) } },
  { id: 5, name: 'Kotak saran', channel: 'suggestion_box', categoryCode: null, priority: null, isWhistleblowing: null, durations: { acknowledgement: wd(1), verification: wd(3), response: wd(7) } },
  { id: 6, name: 'Whistleblowing', channel: null, categoryCode: null, priority: null, isWhistleblowing: true, durations: { acknowledgement: wd(1), verification: wd(7), response: cd(30) } },
];

interface GeneratedCase {
  channel: Channel;
  isWhistleblowing: boolean;
  calendar: WorkingCalendar;
  events: RecordedCaseEvent[];
}

const channels: Channel[] = ['web', 'web', 'web', 'web', 'web', 'whatsapp', 'email', 'letter', 'letter', 'suggestion_box', 'walk_in', 'phone'];
const zones = ['Asia/Jakarta', 'Asia/Jakarta', 'Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'];
const staff: Actor = { kind: 'staff', userId: 1 };
const reporter: Actor = { kind: 'reporter' };
const HOUR_MS = 3_600_000;

/**
 * Cases received over 2025–2027 in the three Indonesian time zones: a fifth asked for
 * information (most answered, some still waiting), most verified, some answered.
 */
export function generateCases(count: number, levels: ServiceLevels, seed = 20260313): GeneratedCase[] {
  const random = prng(seed);
  const from = Date.UTC(2025, 0, 1);
  const span = Date.UTC(2027, 9, 1) - from;
  const cases: GeneratedCase[] = [];
  for (let index = 0; index < count; index++) {
    const channel = channels[Math.floor(random() * channels.length)] ?? 'web';
    const receivedAt = new Date(from + Math.floor(random() * span));
    const calendar = levels.calendarOf(zones[Math.floor(random() * zones.length)] ?? 'Asia/Jakarta', [1]);
    const at = (hours: number) => new Date(receivedAt.getTime() + hours * HOUR_MS);
    const entries: [Date, Actor, CaseEvent][] = [[receivedAt, channel === 'letter' || channel === 'walk_in' ? staff : reporter, {
      type: 'complaint.submitted',
      data: {
        registerNumber: `2026-${index}`, channel, identityMode: 'anonymous', title: 't', description: 'd',
        facts: { what: '', where: '', when: '', who: '', how: '' }, categoryCode: null, unitId: 1, receivedAt: receivedAt.toISOString(), location: null, attachmentIds: [],
      },
    }]];
    const draw = random();
    if (draw < 0.2) {
      entries.push([at(20), staff, { type: 'case.info_requested', data: { message: '?' } }]);
      if (draw < 0.16) entries.push([at(20 + 24 + random() * 200), reporter, { type: 'reporter.answered', data: { text: '!' } }]);
    }
    if (draw < 0.05 || draw > 0.2) entries.push([at(300), staff, { type: 'case.verified', data: { result: 'indicated', note: 'ok', draftReply: null } }]);
    if (draw > 0.6) entries.push([at(400 + random() * 200), staff, { type: 'response.sent', data: { draftNumber: 1, finding: 'substantiated', text: 'ok' } }]);
    cases.push({
      channel, isWhistleblowing: random() < 0.02, calendar,
      // Shaped as store/case-events.ts reads them from the database: one object literal per row.
      events: entries.map(([occurredAt, actor, event], sequence) => ({ sequence: sequence + 1, type: event.type, actor, occurredAt, data: event.data }) as RecordedCaseEvent),
    });
  }
  return cases;
}

/** Everything the app's planner does per case, minus the database: fold, choose, plan, flag. */
export function planAll(cases: readonly GeneratedCase[], now: Date): { deadlines: number; overdue: number } {
  let deadlines = 0;
  let overdue = 0;
  const percents = defaultServiceLevelSettings.reminderPercents;
  for (const generated of cases) {
    const policy = choosePolicy(seededPolicies, { channel: generated.channel, categoryCode: null, priority: null, isWhistleblowing: generated.isWhistleblowing });
    if (policy === undefined) throw new Error('no policy');
    const planned: PlannedDeadline[] = [];
    for (const clock of deadlineClocksOf(generated.events)) planned.push(planDeadline(clock, policy.durations[clock.kind], generated.calendar, percents));
    deadlines += planned.length;
    if (overdueSinceOf(planned, now) !== null) overdue += 1;
  }
  return { deadlines, overdue };
}

/** The raw limit: one bare due date per case (the response), no events, no policy, no reminders. */
export function dueDatesOnly(cases: readonly GeneratedCase[]): number {
  let sum = 0;
  for (const generated of cases) {
    const policy = generated.isWhistleblowing ? seededPolicies[5] : seededPolicies.find((candidate) => candidate.channel === generated.channel) ?? seededPolicies[0];
    const submitted = generated.events[0];
    if (policy === undefined || submitted === undefined || submitted.type !== 'complaint.submitted') continue;
    sum += addDuration(new Date(submitted.data.receivedAt), policy.durations.response, generated.calendar).getTime() % 7;
  }
  return sum;
}

export interface InProcessResult {
  cases: number;
  deadlines: number;
  overdue: number;
  planMs: number[];
  rawMs: number[];
}

export function runInProcess(count: number, rounds: number): InProcessResult {
  const levels = buildServiceLevels(1, indonesianHolidays.map((holiday) => ({ holidayOn: holiday.on, unitId: null })), seededPolicies, defaultServiceLevelSettings);
  const cases = generateCases(count, levels);
  const now = new Date(Date.UTC(2026, 5, 1));
  // Warm-up: JIT, the zone offset tables and the calendars' day names.
  planAll(cases, now);
  dueDatesOnly(cases);
  const planMs: number[] = [];
  const rawMs: number[] = [];
  let result = { deadlines: 0, overdue: 0 };
  for (let round = 0; round < rounds; round++) {
    let started = performance.now();
    result = planAll(cases, now);
    planMs.push(performance.now() - started);
    started = performance.now();
    dueDatesOnly(cases);
    rawMs.push(performance.now() - started);
  }
  return { cases: count, ...result, planMs, rawMs };
}
