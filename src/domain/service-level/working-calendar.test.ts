import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { indonesianHolidays, nonWorkingDaysOf } from './indonesian-holidays.js';
import {
  addLocalDays,
  createWorkingCalendar,
  dayOfWeek,
  epochDayOf,
  isWorkingDay,
  localDateOf,
  localDateOfEpochDay,
  localDateTimeToInstant,
  nextWorkingDay,
  timeZoneAbbreviation,
  workingDayOnOrAfter,
} from './working-calendar.js';

const officeHours = { start: '08:00', end: '16:00' };
const jakarta = createWorkingCalendar({
  timeZone: 'Asia/Jakarta',
  nonWorkingDays: nonWorkingDaysOf(indonesianHolidays),
  officeHours,
});

describe('local dates', () => {
  it('depend on where the unit is: 23:30 in Jakarta is already the next day in Makassar and Jayapura', () => {
    const at = new Date('2026-03-12T16:30:00Z');
    assert.equal(localDateOf(at, 'Asia/Jakarta'), '2026-03-12');
    assert.equal(localDateOf(at, 'Asia/Makassar'), '2026-03-13');
    assert.equal(localDateOf(at, 'Asia/Jayapura'), '2026-03-13');
  });

  it('agree with the built-in UTC calendar for any day from year 1000 to 9999', () => {
    fc.assert(
      fc.property(fc.integer({ min: -354_285, max: 2_932_896 }), (epochDay) => {
        const expected = new Date(epochDay * 86_400_000).toISOString().slice(0, 10);
        assert.equal(localDateOfEpochDay(epochDay), expected);
        assert.equal(epochDayOf(expected), epochDay);
        assert.equal(dayOfWeek(expected), new Date(epochDay * 86_400_000).getUTCDay());
      }),
    );
  });

  it('refuse what is not a calendar date', () => {
    for (const bad of ['2026-02-29', '2026-13-01', '2026-3-1', '13/03/2026', '', '2026-03-01T00:00']) {
      assert.throws(() => epochDayOf(bad), RangeError, bad);
    }
    assert.equal(epochDayOf('2028-02-29'), epochDayOf('2028-03-01') - 1);
  });

  it('count across months and years', () => {
    assert.equal(addLocalDays('2026-12-31', 1), '2027-01-01');
    assert.equal(addLocalDays('2026-03-13', 18), '2026-03-31');
    assert.equal(addLocalDays('2026-03-01', -1), '2026-02-28');
  });
});

describe('working days', () => {
  it('exclude weekends, national holidays and collective leave', () => {
    assert.equal(isWorkingDay(jakarta, '2026-03-13'), true, 'Friday');
    assert.equal(isWorkingDay(jakarta, '2026-03-14'), false, 'Saturday');
    assert.equal(isWorkingDay(jakarta, '2026-03-15'), false, 'Sunday');
    assert.equal(isWorkingDay(jakarta, '2026-03-18'), false, 'collective leave for Nyepi');
    assert.equal(isWorkingDay(jakarta, '2026-03-19'), false, 'Nyepi');
    assert.equal(isWorkingDay(jakarta, '2026-03-24'), false, 'collective leave for Idul Fitri');
    assert.equal(isWorkingDay(jakarta, '2026-03-25'), true, 'first day back after Lebaran');
  });

  it('jump over the whole Nyepi and Lebaran break of March 2026', () => {
    assert.equal(nextWorkingDay(jakarta, '2026-03-17'), '2026-03-25');
    assert.equal(workingDayOnOrAfter(jakarta, '2026-03-18'), '2026-03-25');
    assert.equal(workingDayOnOrAfter(jakarta, '2026-03-17'), '2026-03-17');
  });

  it('follow the weekend a unit actually has', () => {
    const sixDayWeek = createWorkingCalendar({ timeZone: 'Asia/Jakarta', weekendDays: [0], officeHours });
    assert.equal(isWorkingDay(sixDayWeek, '2026-03-14'), true, 'Saturday is a working day');
    assert.equal(nextWorkingDay(sixDayWeek, '2026-03-14'), '2026-03-16');
  });

  it('refuse settings that could never give a deadline', () => {
    assert.throws(() => createWorkingCalendar({ timeZone: 'Asia/Jakarta', weekendDays: [0, 1, 2, 3, 4, 5, 6], officeHours }), RangeError);
    assert.throws(() => createWorkingCalendar({ timeZone: 'Asia/Jakarta', officeHours: { start: '16:00', end: '08:00' } }), RangeError);
    assert.throws(() => createWorkingCalendar({ timeZone: 'Asia/Jakarta', officeHours: { start: '8:00', end: '16:00' } }), RangeError);
    assert.throws(() => createWorkingCalendar({ timeZone: 'Asia/Jakarta', weekendDays: [7], officeHours }), RangeError);
    assert.throws(() => createWorkingCalendar({ timeZone: 'Indonesia/Central', officeHours }), RangeError);
    assert.throws(() => createWorkingCalendar({ timeZone: 'Asia/Jakarta', nonWorkingDays: ['2026-02-30'], officeHours }), RangeError);
  });

  it('store the canonical name of a zone given in another spelling', () => {
    const calendar = createWorkingCalendar({ timeZone: 'asia/ujung_pandang', officeHours });
    assert.equal(calendar.timeZone, 'Asia/Makassar');
  });
});

describe('local times as instants', () => {
  it('read office closing time in WIB, WITA and WIT as 7, 8 and 9 hours ahead of UTC', () => {
    assert.equal(localDateTimeToInstant('2026-03-31', '16:00', 'Asia/Jakarta').toISOString(), '2026-03-31T09:00:00.000Z');
    assert.equal(localDateTimeToInstant('2026-03-31', '16:00', 'Asia/Makassar').toISOString(), '2026-03-31T08:00:00.000Z');
    assert.equal(localDateTimeToInstant('2026-03-31', '16:00', 'Asia/Jayapura').toISOString(), '2026-03-31T07:00:00.000Z');
    assert.equal(localDateTimeToInstant('2026-01-01', '00:30', 'Asia/Jayapura').toISOString(), '2025-12-31T15:30:00.000Z');
  });

  it('follow daylight saving in zones that have it', () => {
    assert.equal(localDateTimeToInstant('2026-07-01', '16:00', 'Europe/London').toISOString(), '2026-07-01T15:00:00.000Z');
    assert.equal(localDateTimeToInstant('2026-01-05', '16:00', 'Europe/London').toISOString(), '2026-01-05T16:00:00.000Z');
  });

  it('move a time skipped by the spring-forward gap later, and take the earlier of a repeated time', () => {
    // 02:30 does not exist in New York on 8 March 2026; it becomes 03:30 EDT.
    assert.equal(localDateTimeToInstant('2026-03-08', '02:30', 'America/New_York').toISOString(), '2026-03-08T07:30:00.000Z');
    // 01:30 happens twice on 1 November 2026; the first is still EDT.
    assert.equal(localDateTimeToInstant('2026-11-01', '01:30', 'America/New_York').toISOString(), '2026-11-01T05:30:00.000Z');
  });

  it('round-trip every minute in Indonesian zones', () => {
    const zones = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura', 'Asia/Pontianak'];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2000, 0, 1) / 60_000, max: Date.UTC(2040, 0, 1) / 60_000 }),
        fc.constantFrom(...zones),
        (minute, timeZone) => {
          const at = new Date(minute * 60_000);
          const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
          assert.equal(localDateTimeToInstant(localDateOf(at, timeZone), parts, timeZone).getTime(), at.getTime());
        },
      ),
      { numRuns: 300 },
    );
  });

  it('agree with Intl on the local date of any instant in zones with daylight saving', () => {
    const zones = ['America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'America/Santiago', 'Asia/Jakarta'];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2040, 0, 1) }),
        fc.constantFrom(...zones),
        (ms, timeZone) => {
          const expected = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms);
          assert.equal(localDateOf(new Date(ms), timeZone), expected);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('agree with Intl hour by hour through a year in zones that change their clocks at midnight', () => {
    for (const timeZone of ['America/Santiago', 'America/Havana', 'Asia/Beirut']) {
      const intlDate = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
      for (let ms = Date.UTC(2026, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 3_600_000) {
        assert.equal(localDateOf(new Date(ms), timeZone), intlDate.format(ms), `${timeZone} ${new Date(ms).toISOString()}`);
      }
    }
  });
});

describe('time zone abbreviations', () => {
  it('name Indonesia’s zones WIB, WITA and WIT', () => {
    assert.equal(timeZoneAbbreviation('Asia/Jakarta'), 'WIB');
    assert.equal(timeZoneAbbreviation('Asia/Pontianak'), 'WIB');
    assert.equal(timeZoneAbbreviation('Asia/Makassar'), 'WITA');
    assert.equal(timeZoneAbbreviation('Asia/Ujung_Pandang'), 'WITA');
    assert.equal(timeZoneAbbreviation('Asia/Jayapura'), 'WIT');
  });

  it('name other zones by their UTC offset, at the given instant when there is one', () => {
    assert.equal(timeZoneAbbreviation('Asia/Kolkata'), 'UTC+5:30');
    assert.equal(timeZoneAbbreviation('Asia/Dili'), 'UTC+9');
    assert.equal(timeZoneAbbreviation('UTC'), 'UTC+0');
    assert.equal(timeZoneAbbreviation('America/St_Johns', new Date('2026-01-15T12:00:00Z')), 'UTC-3:30');
    assert.equal(timeZoneAbbreviation('America/New_York'), 'UTC-5');
    assert.equal(timeZoneAbbreviation('America/New_York', new Date('2026-07-01T12:00:00Z')), 'UTC-4');
  });
});
