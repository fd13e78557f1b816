import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { addDuration, addDurationFractionWithPauses, addDurationWithPauses, receiptDayOf, workingDaysClockStartOf, workingTimeBetween } from './deadline.js';
import type { Duration, Pause } from './deadline.js';
import { indonesianHolidays, nonWorkingDaysOf } from './indonesian-holidays.js';
import {
  addLocalDays,
  createWorkingCalendar,
  isWorkingDay,
  localDateOf,
  localDateTimeToInstant,
  workingDayOnOrAfter,
} from './working-calendar.js';
import type { WorkingCalendar } from './working-calendar.js';

const nonWorkingDays = nonWorkingDaysOf(indonesianHolidays);
const officeHours = { start: '08:00', end: '16:00' };
const wibUnit = createWorkingCalendar({ timeZone: 'Asia/Jakarta', nonWorkingDays, officeHours });
const witaUnit = createWorkingCalendar({ timeZone: 'Asia/Makassar', nonWorkingDays, officeHours });
const witUnit = createWorkingCalendar({ timeZone: 'Asia/Jayapura', nonWorkingDays, officeHours });
const units = [wibUnit, witaUnit, witUnit];

const sevenWorkingDays: Duration = { amount: 7, unit: 'working_days' };
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

function inJakarta(localDate: string, localTime: string): Date {
  return localDateTimeToInstant(localDate, localTime, 'Asia/Jakarta');
}

const instantIn2025To2027 = fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2027, 9, 1) });
const anyDuration = fc.oneof(
  fc.record({ amount: fc.integer({ min: 1, max: 40 }), unit: fc.constant('working_days' as const) }),
  fc.record({ amount: fc.integer({ min: 1, max: 60 }), unit: fc.constant('calendar_days' as const) }),
  fc.record({ amount: fc.integer({ min: 1, max: 60 * 24 * 20 }), unit: fc.constant('minutes' as const) }),
);

describe('working-day deadlines', () => {
  it('give a letter received on Friday 13 March 2026 in a WIB unit until Tuesday 31 March, skipping Nyepi and Lebaran', () => {
    const due = addDuration(inJakarta('2026-03-13', '10:15'), sevenWorkingDays, wibUnit);
    assert.equal(due.toISOString(), inJakarta('2026-03-31', '16:00').toISOString());
  });

  it('count the receipt day as day 0 whatever the hour, even after the office has closed', () => {
    const early = addDuration(inJakarta('2026-03-13', '00:05'), sevenWorkingDays, wibUnit);
    const late = addDuration(inJakarta('2026-03-13', '23:55'), sevenWorkingDays, wibUnit);
    assert.equal(early.toISOString(), '2026-03-31T09:00:00.000Z');
    assert.equal(late.toISOString(), '2026-03-31T09:00:00.000Z');
  });

  it('give a WIT unit a later due date than a WIB unit for the same complaint just before midnight in Jakarta', () => {
    // 16:30 UTC is 23:30 Thursday 12 March in Jakarta but 01:30 Friday 13 March in Jayapura.
    const receivedAt = new Date('2026-03-12T16:30:00Z');
    assert.equal(receiptDayOf(receivedAt, wibUnit), '2026-03-12');
    assert.equal(receiptDayOf(receivedAt, witUnit), '2026-03-13');
    const dueInJakarta = addDuration(receivedAt, sevenWorkingDays, wibUnit);
    const dueInJayapura = addDuration(receivedAt, sevenWorkingDays, witUnit);
    assert.equal(localDateOf(dueInJakarta, 'Asia/Jakarta'), '2026-03-30');
    assert.equal(localDateOf(dueInJayapura, 'Asia/Jayapura'), '2026-03-31');
    assert.equal(dueInJakarta.toISOString(), '2026-03-30T09:00:00.000Z', '16:00 WIB');
    assert.equal(dueInJayapura.toISOString(), '2026-03-31T07:00:00.000Z', '16:00 WIT');
  });

  it('treat a complaint received on a weekend as received on the next working day', () => {
    assert.equal(receiptDayOf(inJakarta('2026-02-07', '11:00'), wibUnit), '2026-02-09');
    const fromSaturday = addDuration(inJakarta('2026-02-07', '11:00'), sevenWorkingDays, wibUnit);
    const fromMonday = addDuration(inJakarta('2026-02-09', '15:00'), sevenWorkingDays, wibUnit);
    // Monday 16 February is leave for Imlek and Tuesday 17 February is Imlek itself.
    assert.equal(fromSaturday.toISOString(), inJakarta('2026-02-20', '16:00').toISOString());
    assert.equal(fromMonday.toISOString(), fromSaturday.toISOString());
  });

  it('treat a complaint received during collective leave as received on the first day back', () => {
    assert.equal(receiptDayOf(inJakarta('2026-03-23', '09:00'), wibUnit), '2026-03-25');
    const due = addDuration(inJakarta('2026-03-23', '09:00'), { amount: 1, unit: 'working_days' }, wibUnit);
    assert.equal(due.toISOString(), inJakarta('2026-03-26', '16:00').toISOString());
  });

  it('close with the unit’s own office hours', () => {
    const lateOffice = createWorkingCalendar({ timeZone: 'Asia/Makassar', nonWorkingDays, officeHours: { start: '07:30', end: '16:30' } });
    const due = addDuration(new Date('2026-06-02T01:00:00Z'), { amount: 2, unit: 'working_days' }, lateOffice);
    assert.equal(due.toISOString(), '2026-06-04T08:30:00.000Z', 'Thursday 4 June, 16:30 WITA');
  });
});

describe('calendar-day and minute deadlines', () => {
  it('give 14 calendar days until the end of office hours on the 14th day', () => {
    const due = addDuration(inJakarta('2026-03-13', '10:15'), { amount: 14, unit: 'calendar_days' }, wibUnit);
    assert.equal(due.toISOString(), inJakarta('2026-03-27', '16:00').toISOString());
  });

  it('keep a calendar-day deadline that lands on a holiday where it is', () => {
    const due = addDuration(inJakarta('2026-03-06', '10:00'), { amount: 14, unit: 'calendar_days' }, wibUnit);
    assert.equal(localDateOf(due, 'Asia/Jakarta'), '2026-03-20');
    assert.equal(isWorkingDay(wibUnit, '2026-03-20'), false);
  });

  it('count minutes only in office hours on working days: a walk-in at 19:00 on Friday is due at 08:30 on Monday', () => {
    const due = addDuration(inJakarta('2026-03-06', '19:00'), { amount: 30, unit: 'minutes' }, wibUnit);
    assert.equal(due.toISOString(), inJakarta('2026-03-09', '08:30').toISOString());
    assert.equal(addDuration(inJakarta('2026-03-09', '07:59'), { amount: 30, unit: 'minutes' }, wibUnit).toISOString(), inJakarta('2026-03-09', '08:30').toISOString());
    assert.equal(addDuration(inJakarta('2026-03-09', '10:15'), { amount: 30, unit: 'minutes' }, wibUnit).toISOString(), inJakarta('2026-03-09', '10:45').toISOString());
  });

  it('carry the minutes left at closing to the next working day, past a holiday Monday', () => {
    // Monday 16 February 2026 is collective leave and Tuesday is Chinese New Year: a walk-in at
    // 15:50 on Friday 13 February has ten minutes that day and twenty on Wednesday.
    assert.equal(isWorkingDay(wibUnit, '2026-02-16'), false);
    assert.equal(isWorkingDay(wibUnit, '2026-02-17'), false);
    const due = addDuration(inJakarta('2026-02-13', '15:50'), { amount: 30, unit: 'minutes' }, wibUnit);
    assert.equal(due.toISOString(), inJakarta('2026-02-18', '08:20').toISOString());
    const witDue = addDuration(localDateTimeToInstant('2026-02-13', '19:00', 'Asia/Jayapura'), { amount: 30, unit: 'minutes' }, witUnit);
    assert.equal(witDue.toISOString(), localDateTimeToInstant('2026-02-18', '08:30', 'Asia/Jayapura').toISOString());
  });

  it('refuse durations that are not a whole positive number of a known unit', () => {
    for (const bad of [
      { amount: 0, unit: 'working_days' },
      { amount: -1, unit: 'calendar_days' },
      { amount: 1.5, unit: 'working_days' },
      { amount: Number.NaN, unit: 'minutes' },
      { amount: 10_000_000, unit: 'working_days' },
      { amount: 3, unit: 'fortnights' },
      { amount: 3, unit: 'constructor' },
    ]) {
      assert.throws(() => addDuration(new Date('2026-03-13T03:00:00Z'), bad as Duration, wibUnit), RangeError, JSON.stringify(bad));
    }
    assert.throws(() => addDuration(new Date(Number.NaN), sevenWorkingDays, wibUnit), RangeError);
  });
});

describe('paused deadlines', () => {
  const receivedAt = inJakarta('2026-03-13', '10:15');

  it('move a case paused for exactly three working days three working days later', () => {
    // Paused from the opening of Wednesday 25 March to the opening of Monday 30 March: three
    // working days. Friday 3 April is Good Friday, so the deadline moves from 31 March to 6 April.
    const pauses: Pause[] = [{ from: inJakarta('2026-03-25', '08:00'), to: inJakarta('2026-03-30', '08:00') }];
    const due = addDurationWithPauses(receivedAt, sevenWorkingDays, wibUnit, pauses);
    assert.equal(due?.toISOString(), inJakarta('2026-04-06', '16:00').toISOString());
  });

  it('move it just as far when the three working days start and end mid-morning', () => {
    const pauses: Pause[] = [{ from: inJakarta('2026-03-25', '10:00'), to: inJakarta('2026-03-30', '10:00') }];
    const due = addDurationWithPauses(receivedAt, sevenWorkingDays, wibUnit, pauses);
    assert.equal(due?.toISOString(), inJakarta('2026-04-06', '16:00').toISOString());
  });

  it('move it by the working hours lost when a pause ends mid-day', () => {
    const pauses: Pause[] = [{ from: inJakarta('2026-03-26', '08:00'), to: inJakarta('2026-03-26', '11:00') }];
    const due = addDurationWithPauses(receivedAt, sevenWorkingDays, wibUnit, pauses);
    assert.equal(due?.toISOString(), inJakarta('2026-04-01', '11:00').toISOString());
  });

  it('not move when the pause covers only nights, weekends, holidays or the receipt day', () => {
    const pauses: Pause[] = [
      { from: inJakarta('2026-03-13', '11:00'), to: inJakarta('2026-03-13', '15:00') },
      { from: inJakarta('2026-03-17', '16:00'), to: inJakarta('2026-03-25', '08:00') },
      { from: inJakarta('2026-03-27', '17:00'), to: inJakarta('2026-03-30', '07:00') },
    ];
    const due = addDurationWithPauses(receivedAt, sevenWorkingDays, wibUnit, pauses);
    assert.equal(due?.toISOString(), inJakarta('2026-03-31', '16:00').toISOString());
  });

  it('count overlapping pauses once', () => {
    const once: Pause[] = [{ from: inJakarta('2026-03-25', '08:00'), to: inJakarta('2026-03-27', '08:00') }];
    const overlapping: Pause[] = [
      { from: inJakarta('2026-03-26', '08:00'), to: inJakarta('2026-03-27', '08:00') },
      { from: inJakarta('2026-03-25', '08:00'), to: inJakarta('2026-03-26', '12:00') },
    ];
    assert.deepEqual(
      addDurationWithPauses(receivedAt, sevenWorkingDays, wibUnit, overlapping),
      addDurationWithPauses(receivedAt, sevenWorkingDays, wibUnit, once),
    );
    const minute = (n: number) => new Date(receivedAt.getTime() + n * 60_000);
    const walkInDue = addDurationWithPauses(receivedAt, { amount: 30, unit: 'minutes' }, wibUnit, [
      { from: minute(5), to: minute(15) },
      { from: minute(10), to: minute(20) },
    ]);
    assert.equal(walkInDue?.getTime(), minute(45).getTime());
  });

  it('have no deadline while a pause that began before the deadline is still open', () => {
    const pauses: Pause[] = [{ from: inJakarta('2026-03-27', '09:00'), to: null }];
    assert.equal(addDurationWithPauses(receivedAt, sevenWorkingDays, wibUnit, pauses), null);
    const minutesPauses: Pause[] = [{ from: new Date(receivedAt.getTime() + 60_000), to: null }];
    assert.equal(addDurationWithPauses(receivedAt, { amount: 30, unit: 'minutes' }, wibUnit, minutesPauses), null);
  });

  it('keep a deadline already passed when the clock is stopped afterwards', () => {
    const pauses: Pause[] = [{ from: inJakarta('2026-03-31', '16:00'), to: null }];
    const due = addDurationWithPauses(receivedAt, sevenWorkingDays, wibUnit, pauses);
    assert.equal(due?.toISOString(), inJakarta('2026-03-31', '16:00').toISOString());
    const walkInDue = addDurationWithPauses(receivedAt, { amount: 30, unit: 'minutes' }, wibUnit, [
      { from: new Date(receivedAt.getTime() + 30 * 60_000), to: null },
    ]);
    assert.equal(walkInDue?.getTime(), receivedAt.getTime() + 30 * 60_000);
  });

  it('extend calendar-day and minute deadlines by the wall-clock time paused', () => {
    const threeDays: Pause[] = [{ from: inJakarta('2026-03-20', '12:00'), to: inJakarta('2026-03-23', '12:00') }];
    const calendarDue = addDurationWithPauses(receivedAt, { amount: 14, unit: 'calendar_days' }, wibUnit, threeDays);
    assert.equal(calendarDue?.toISOString(), inJakarta('2026-03-30', '16:00').toISOString());
    const tenMinutes: Pause[] = [{ from: new Date(receivedAt.getTime() + 5 * 60_000), to: new Date(receivedAt.getTime() + 15 * 60_000) }];
    const minutesDue = addDurationWithPauses(receivedAt, { amount: 30, unit: 'minutes' }, wibUnit, tenMinutes);
    assert.equal(minutesDue?.getTime(), receivedAt.getTime() + 40 * 60_000);
  });

  it('count a working day shortened by a clock change as one whole working day', () => {
    // Havana moves its clocks from 00:00 to 01:00 on Sunday 8 March 2026, so a unit open
    // 00:00–08:00 every day is open only seven hours that day.
    const havana = createWorkingCalendar({ timeZone: 'America/Havana', weekendDays: [], officeHours: { start: '00:00', end: '08:00' } });
    const inHavana = (localDate: string, localTime: string) => localDateTimeToInstant(localDate, localTime, 'America/Havana');
    const start = inHavana('2026-03-05', '12:00');
    const fiveDays: Duration = { amount: 5, unit: 'working_days' };
    assert.equal(addDuration(start, fiveDays, havana).toISOString(), inHavana('2026-03-10', '08:00').toISOString());
    const pauses: Pause[] = [{ from: inHavana('2026-03-09', '00:00'), to: inHavana('2026-03-09', '08:00') }];
    assert.equal(addDurationWithPauses(start, fiveDays, havana, pauses)?.toISOString(), inHavana('2026-03-11', '08:00').toISOString());
  });

  it('refuse a pause that ends before it starts', () => {
    const pauses: Pause[] = [{ from: inJakarta('2026-03-26', '10:00'), to: inJakarta('2026-03-26', '09:00') }];
    assert.throws(() => addDurationWithPauses(receivedAt, sevenWorkingDays, wibUnit, pauses), RangeError);
  });
});

describe('working time between two instants', () => {
  it('counts only office hours on working days', () => {
    const total = workingTimeBetween(inJakarta('2026-03-13', '12:00'), inJakarta('2026-03-25', '10:00'), wibUnit);
    // Friday 13th from noon (4 h), Monday 16th and Tuesday 17th (8 h each), Wednesday 25th until 10:00 (2 h).
    assert.equal(total, 22 * HOUR_MS);
    assert.equal(workingTimeBetween(inJakarta('2026-03-25', '10:00'), inJakarta('2026-03-13', '12:00'), wibUnit), 0);
  });
});

describe('deadline properties', () => {
  it('never move earlier when the complaint arrives later', () => {
    fc.assert(
      fc.property(
        instantIn2025To2027,
        fc.integer({ min: 0, max: 20 * DAY_MS }),
        anyDuration,
        fc.constantFrom(...units),
        (startMs, laterByMs, duration, calendar) => {
          const earlier = addDuration(new Date(startMs), duration, calendar);
          const later = addDuration(new Date(startMs + laterByMs), duration, calendar);
          assert.ok(earlier.getTime() <= later.getTime(), `${earlier.toISOString()} > ${later.toISOString()}`);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('put a working-day deadline at office closing on a working day, exactly N working days after day 0', () => {
    fc.assert(
      fc.property(
        instantIn2025To2027,
        fc.integer({ min: 1, max: 40 }),
        fc.constantFrom(...units),
        (startMs, amount, calendar) => {
          const due = addDuration(new Date(startMs), { amount, unit: 'working_days' }, calendar);
          const dueOn = localDateOf(due, calendar.timeZone);
          assert.ok(isWorkingDay(calendar, dueOn), dueOn);
          assert.equal(due.getTime(), localDateTimeToInstant(dueOn, calendar.officeHours.end, calendar.timeZone).getTime());
          const dayZero = workingDayOnOrAfter(calendar, localDateOf(new Date(startMs), calendar.timeZone));
          let counted = 0;
          for (let day = addLocalDays(dayZero, 1); day <= dueOn; day = addLocalDays(day, 1)) {
            if (isWorkingDay(calendar, day)) counted += 1;
          }
          assert.equal(counted, amount);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('never put a working-day deadline on a non-working day, paused or not', () => {
    fc.assert(
      fc.property(
        instantIn2025To2027,
        fc.integer({ min: 1, max: 30 }),
        fc.array(fc.tuple(fc.integer({ min: -5 * DAY_MS, max: 60 * DAY_MS }), fc.integer({ min: 0, max: 10 * DAY_MS })), { maxLength: 4 }),
        fc.constantFrom(...units),
        (startMs, amount, pauseOffsets, calendar) => {
          const pauses = pauseOffsets.map(([fromMs, lengthMs]) => ({
            from: new Date(startMs + fromMs),
            to: new Date(startMs + fromMs + lengthMs),
          }));
          const due = addDurationWithPauses(new Date(startMs), { amount, unit: 'working_days' }, calendar, pauses);
          assert.ok(due !== null);
          assert.ok(isWorkingDay(calendar, localDateOf(due, calendar.timeZone)));
          assert.ok(due.getTime() >= addDuration(new Date(startMs), { amount, unit: 'working_days' }, calendar).getTime());
        },
      ),
      { numRuns: 500 },
    );
  });

  it('add exactly the working time a pause took to a working-day deadline', () => {
    fc.assert(
      fc.property(
        instantIn2025To2027,
        fc.integer({ min: 1, max: 30 }),
        fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
        fc.integer({ min: 1, max: 15 * DAY_MS }),
        fc.constantFrom(...units),
        (startMs, amount, where, lengthMs, calendar) => {
          const duration: Duration = { amount, unit: 'working_days' };
          const start = new Date(startMs);
          const unpaused = addDuration(start, duration, calendar);
          const clockStartMs = workingDaysClockStartOf(start, calendar).getTime();
          // The pause starts while the clock is running for this case: after day 0 and before the deadline.
          const fromMs = clockStartMs + Math.floor(where * (unpaused.getTime() - clockStartMs));
          const pause: Pause = { from: new Date(fromMs), to: new Date(fromMs + lengthMs) };
          const paused = addDurationWithPauses(start, duration, calendar, [pause]);
          assert.ok(paused !== null);
          assert.equal(
            workingTimeBetween(unpaused, paused, calendar),
            workingTimeBetween(pause.from, pause.to ?? pause.from, calendar),
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  it('give a minute deadline exactly its minutes of office time, and not a moment later', () => {
    fc.assert(
      fc.property(instantIn2025To2027, fc.integer({ min: 1, max: 10_000 }), fc.constantFrom(...units), (startMs, amount, calendar) => {
        const due = addDuration(new Date(startMs), { amount, unit: 'minutes' }, calendar);
        assert.equal(workingTimeBetween(new Date(startMs), due, calendar), amount * 60_000);
        assert.ok(workingTimeBetween(new Date(startMs), new Date(due.getTime() - 1), calendar) < amount * 60_000, 'the earliest such instant');
        assert.ok(isWorkingDay(calendar, localDateOf(due, calendar.timeZone)), 'due on a working day');
        const wallClock = localDateOf(due, calendar.timeZone) === localDateOf(new Date(due.getTime() - 1), calendar.timeZone);
        assert.ok(wallClock, 'due within the office day, never after midnight');
      }),
    );
  });

  it('add exactly the office time a pause took to a minute deadline', () => {
    fc.assert(
      fc.property(
        instantIn2025To2027,
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 0, max: 10 * DAY_MS }),
        fc.integer({ min: 1, max: 5 * DAY_MS }),
        (startMs, amount, offsetMs, lengthMs) => {
          const from = new Date(startMs + offsetMs);
          const to = new Date(startMs + offsetMs + lengthMs);
          const paused = addDurationWithPauses(new Date(startMs), { amount, unit: 'minutes' }, wibUnit, [{ from, to }]);
          assert.ok(paused);
          const pausedOfficeMs = workingTimeBetween(from, new Date(Math.min(to.getTime(), paused.getTime())), wibUnit);
          assert.equal(workingTimeBetween(new Date(startMs), paused, wibUnit) - pausedOfficeMs, amount * 60_000);
        },
      ),
    );
  });

  it('give the same deadline with no pauses as without pausing at all', () => {
    fc.assert(
      fc.property(instantIn2025To2027, anyDuration, fc.constantFrom(...units), (startMs, duration, calendar) => {
        assert.deepEqual(
          addDurationWithPauses(new Date(startMs), duration, calendar, [{ from: new Date(startMs - DAY_MS), to: new Date(startMs) }]),
          addDuration(new Date(startMs), duration, calendar),
        );
      }),
      { numRuns: 300 },
    );
  });
});

describe('deadline speed', () => {
  it('computes 100,000 working-day deadlines in well under a second', () => {
    const calendar: WorkingCalendar = wibUnit;
    addDuration(new Date(Date.UTC(2026, 0, 1)), sevenWorkingDays, calendar);
    const startedAt = performance.now();
    for (let index = 0; index < 100_000; index += 1) {
      addDuration(new Date(Date.UTC(2025, 0, 1) + index * 997_000), sevenWorkingDays, calendar);
    }
    const elapsedMs = performance.now() - startedAt;
    assert.ok(elapsedMs < 1000, `took ${Math.round(elapsedMs)} ms`);
  });
});

describe('a fraction of a deadline', () => {
  const receivedAt = inJakarta('2026-03-13', '10:15');

  it('falls at the same share of the running time: half of seven working days is noon of the fourth', () => {
    assert.equal(addDurationFractionWithPauses(receivedAt, sevenWorkingDays, wibUnit, [], 0.5)?.toISOString(), inJakarta('2026-03-26', '12:00').toISOString());
    assert.equal(addDurationFractionWithPauses(receivedAt, { amount: 30, unit: 'minutes' }, wibUnit, [], 0.8)?.getTime(), receivedAt.getTime() + 24 * 60_000);
  });

  it('is the deadline itself at 1, paused or not', () => {
    for (const pauses of [[], [{ from: inJakarta('2026-03-25', '08:00'), to: inJakarta('2026-03-30', '08:00') }]] as Pause[][]) {
      for (const duration of [sevenWorkingDays, { amount: 14, unit: 'calendar_days' }, { amount: 30, unit: 'minutes' }] as Duration[]) {
        assert.deepEqual(addDurationFractionWithPauses(receivedAt, duration, wibUnit, pauses, 1), addDurationWithPauses(receivedAt, duration, wibUnit, pauses));
      }
    }
  });

  it('moves with a pause before it, and has no instant while an open pause stops the clock first', () => {
    const pauses: Pause[] = [{ from: inJakarta('2026-03-25', '08:00'), to: inJakarta('2026-03-30', '08:00') }];
    assert.equal(addDurationFractionWithPauses(receivedAt, sevenWorkingDays, wibUnit, pauses, 0.5)?.toISOString(), inJakarta('2026-03-31', '12:00').toISOString());
    assert.equal(addDurationFractionWithPauses(receivedAt, sevenWorkingDays, wibUnit, [{ from: inJakarta('2026-03-25', '08:00'), to: null }], 0.5), null);
  });

  it('takes the shortcut without pauses to the same instant as the day-by-day walk', () => {
    fc.assert(
      fc.property(instantIn2025To2027, fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 100 }), fc.constantFrom(...units, createWorkingCalendar({ timeZone: 'America/Havana', weekendDays: [], officeHours: { start: '00:00', end: '08:00' } })),
        (startMs, amount, percent, calendar) => {
          const start = new Date(startMs);
          const duration: Duration = { amount, unit: 'working_days' };
          // A pause long after the deadline changes nothing, but sends the computation day by day.
          const farAway: Pause[] = [{ from: new Date(startMs + 400 * DAY_MS), to: new Date(startMs + 401 * DAY_MS) }];
          assert.equal(
            addDurationFractionWithPauses(start, duration, calendar, [], percent / 100)?.getTime(),
            addDurationFractionWithPauses(start, duration, calendar, farAway, percent / 100)?.getTime(),
          );
        }),
      { numRuns: 1000 },
    );
  });

  it('refuses a fraction outside (0, 1]', () => {
    for (const fraction of [0, -0.5, 1.5, Number.NaN]) {
      assert.throws(() => addDurationFractionWithPauses(receivedAt, sevenWorkingDays, wibUnit, [], fraction), RangeError, String(fraction));
    }
  });
});
