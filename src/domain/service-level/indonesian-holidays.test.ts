import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { holidayYearSources, indonesianHolidays, nonWorkingDaysOf } from './indonesian-holidays.js';
import type { Holiday, HolidayKind } from './indonesian-holidays.js';
import { addLocalDays, dayOfWeek, epochDayOf } from './working-calendar.js';

function ofYear(year: number, kind?: HolidayKind): Holiday[] {
  return indonesianHolidays.filter((holiday) => holiday.on.startsWith(`${year}-`) && (!kind || holiday.kind === kind));
}

function datesOf(holidays: readonly Holiday[]): string[] {
  return holidays.map((holiday) => holiday.on);
}

/** Easter Sunday by the anonymous Gregorian computus (Meeus/Jones/Butcher). */
function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

describe('Indonesian holidays', () => {
  it('match the 2026 joint decree exactly: 17 national holidays and 8 days of collective leave', () => {
    assert.deepEqual(datesOf(ofYear(2026, 'national_holiday')), [
      '2026-01-01', '2026-01-16', '2026-02-17', '2026-03-19', '2026-03-21', '2026-03-22', '2026-04-03',
      '2026-04-05', '2026-05-01', '2026-05-14', '2026-05-27', '2026-05-31', '2026-06-01', '2026-06-16',
      '2026-08-17', '2026-08-25', '2026-12-25',
    ]);
    assert.deepEqual(datesOf(ofYear(2026, 'collective_leave')), [
      '2026-02-16', '2026-03-18', '2026-03-20', '2026-03-23', '2026-03-24', '2026-05-15', '2026-05-28', '2026-12-24',
    ]);
  });

  it('match the 2025 joint decree and its August amendment, with Idul Adha leave on Monday 9 June', () => {
    assert.deepEqual(datesOf(ofYear(2025, 'national_holiday')), [
      '2025-01-01', '2025-01-27', '2025-01-29', '2025-03-29', '2025-03-31', '2025-04-01', '2025-04-18',
      '2025-04-20', '2025-05-01', '2025-05-12', '2025-05-29', '2025-06-01', '2025-06-06', '2025-06-27',
      '2025-08-17', '2025-09-05', '2025-12-25',
    ]);
    assert.deepEqual(datesOf(ofYear(2025, 'collective_leave')), [
      '2025-01-28', '2025-03-28', '2025-04-02', '2025-04-03', '2025-04-04', '2025-04-07', '2025-05-13',
      '2025-05-30', '2025-06-09', '2025-08-18', '2025-12-26',
    ]);
  });

  it('estimate 17 national holidays for 2027, say so, and invent no collective leave', () => {
    assert.equal(ofYear(2027, 'national_holiday').length, 17);
    assert.equal(ofYear(2027, 'collective_leave').length, 0);
    const source = holidayYearSources.find((entry) => entry.year === 2027);
    assert.equal(source?.isEstimate, true);
    assert.equal(source?.decree, null);
    assert.deepEqual(
      holidayYearSources.filter((entry) => !entry.isEstimate).map((entry) => entry.year),
      [2025, 2026],
    );
  });

  it('are real dates, in date order, each listed once, with an Indonesian and an English name', () => {
    const dates = datesOf(indonesianHolidays);
    for (const holiday of indonesianHolidays) {
      assert.doesNotThrow(() => epochDayOf(holiday.on), holiday.on);
      assert.ok(holiday.name.id.trim().length > 0 && holiday.name.en.trim().length > 0, holiday.on);
    }
    assert.deepEqual(dates, [...dates].sort());
    assert.equal(new Set(dates).size, dates.length);
  });

  it('put Good Friday, Easter and Ascension where the Gregorian computus puts them every year', () => {
    for (const year of [2025, 2026, 2027]) {
      const easter = easterSunday(year);
      const national = datesOf(ofYear(year, 'national_holiday'));
      assert.ok(national.includes(addLocalDays(easter, -2)), `Good Friday ${year}`);
      assert.ok(national.includes(easter), `Easter ${year}`);
      assert.ok(national.includes(addLocalDays(easter, 39)), `Ascension ${year}`);
    }
  });

  it('keep the fixed-date holidays in every year', () => {
    for (const year of [2025, 2026, 2027]) {
      const national = datesOf(ofYear(year, 'national_holiday'));
      for (const monthDay of ['01-01', '05-01', '06-01', '08-17', '12-25']) {
        assert.ok(national.includes(`${year}-${monthDay}`), `${year}-${monthDay}`);
      }
    }
  });

  it('give Idul Fitri two consecutive days each year, the second named as such', () => {
    for (const year of [2025, 2026, 2027]) {
      const idulFitri = ofYear(year, 'national_holiday').filter((holiday) => holiday.name.id.startsWith('Idul Fitri'));
      assert.equal(idulFitri.length, 2, `${year}`);
      const [first, second] = idulFitri;
      assert.ok(first && second);
      assert.equal(addLocalDays(first.on, 1), second.on);
      assert.match(second.name.id, /hari kedua/);
    }
  });

  it('place collective leave on weekdays only, since leave on a weekend would give nothing', () => {
    for (const holiday of indonesianHolidays.filter((entry) => entry.kind === 'collective_leave')) {
      assert.ok(![0, 6].includes(dayOfWeek(holiday.on)), holiday.on);
    }
  });

  it('become a set of non-working days, for all years or only the years asked for', () => {
    const all = nonWorkingDaysOf(indonesianHolidays);
    assert.equal(all.size, indonesianHolidays.length);
    assert.ok(all.has('2026-03-19'));
    const only2026 = nonWorkingDaysOf(indonesianHolidays, [2026]);
    assert.equal(only2026.size, 25);
    assert.ok(!only2026.has('2025-03-29'));
  });
});
