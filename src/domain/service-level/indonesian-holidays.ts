/**
 * Indonesia's national holidays (hari libur nasional) and collective leave (cuti bersama), the
 * days on which government offices are closed although they fall on a weekday.
 *
 * These are set each year by a joint decree of the Minister of Religious Affairs, the Minister of
 * Manpower and the Minister for Administrative and Bureaucratic Reform (SKB 3 Menteri), usually
 * in September–November of the year before, and are sometimes amended during the year (2025 got
 * an extra day of collective leave in August). Islamic holidays can also move by a day after the
 * government's sighting of the new moon (sidang isbat). So this list is only the seed for the
 * calendar that administrators keep: they must confirm it against each year's decree and edit it
 * when the decree changes, and add next year's as soon as it is signed.
 */

import type { LocalDate } from './working-calendar.js';

export const holidayKinds = ['national_holiday', 'collective_leave', 'local_holiday'] as const;
/** National holiday (hari libur nasional), collective leave (cuti bersama), or a closure of some units only (a regional holiday). */
export type HolidayKind = (typeof holidayKinds)[number];

export interface Holiday {
  on: LocalDate;
  kind: HolidayKind;
  name: { id: string; en: string };
}

export interface HolidayYearSource {
  year: number;
  /** The decree the dates come from, or null where none had been published when this was written. */
  decree: string | null;
  /** True where the dates are our own estimate and must be replaced by the decree's. */
  isEstimate: boolean;
  note: string;
}

export const holidayYearSources: readonly HolidayYearSource[] = Object.freeze([
  Object.freeze({
    year: 2025,
    decree:
      'SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB No. 1017/2024, 2/2024, 2/2024 (14 October 2024), ' +
      'amended by No. 933/2025, 1/2025, 3/2025 (7 August 2025)',
    isEstimate: false,
    note: '17 national holidays and 10 days of collective leave, plus 18 August added by the amendment.',
  }),
  Object.freeze({
    year: 2026,
    decree: 'SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB No. 1497/2025, 2/2025, 5/2025 (19 November 2025)',
    isEstimate: false,
    note: '17 national holidays and 8 days of collective leave.',
  }),
  Object.freeze({
    year: 2027,
    decree: null,
    isEstimate: true,
    note:
      'No decree had been published: national holidays are astronomical and calendrical estimates ' +
      '(Islamic dates by the MABIMS new-moon criterion used by the Ministry of Religious Affairs, Imlek by the ' +
      'new moon in China, Nyepi by the Balinese calendar, Waisak by the May full moon, Easter by the ' +
      'Gregorian computus) and may be a day off. Collective leave is a policy choice that cannot be ' +
      'estimated, so none is listed: until the decree is entered a missing day of leave can only make a deadline early, never late.',
  }),
]);

function national(on: LocalDate, id: string, en: string): Holiday {
  return Object.freeze({ on, kind: 'national_holiday', name: Object.freeze({ id, en }) });
}

function collectiveLeave(on: LocalDate, id: string, en: string): Holiday {
  return Object.freeze({ on, kind: 'collective_leave', name: Object.freeze({ id, en }) });
}

const holidays2025: Holiday[] = [
  national('2025-01-01', 'Tahun Baru 2025 Masehi', "New Year's Day"),
  national('2025-01-27', 'Isra Mikraj Nabi Muhammad SAW', "Isra Mi'raj of the Prophet Muhammad"),
  collectiveLeave('2025-01-28', 'Cuti bersama Tahun Baru Imlek 2576 Kongzili', 'Collective leave for Chinese New Year'),
  national('2025-01-29', 'Tahun Baru Imlek 2576 Kongzili', 'Chinese New Year 2576'),
  collectiveLeave('2025-03-28', 'Cuti bersama Hari Suci Nyepi', 'Collective leave for Nyepi'),
  national('2025-03-29', 'Hari Suci Nyepi (Tahun Baru Saka 1947)', 'Nyepi, Day of Silence (Saka New Year 1947)'),
  national('2025-03-31', 'Idul Fitri 1446 Hijriah', 'Eid al-Fitr 1446 AH'),
  national('2025-04-01', 'Idul Fitri 1446 Hijriah (hari kedua)', 'Eid al-Fitr 1446 AH (second day)'),
  collectiveLeave('2025-04-02', 'Cuti bersama Idul Fitri 1446 Hijriah', 'Collective leave for Eid al-Fitr'),
  collectiveLeave('2025-04-03', 'Cuti bersama Idul Fitri 1446 Hijriah', 'Collective leave for Eid al-Fitr'),
  collectiveLeave('2025-04-04', 'Cuti bersama Idul Fitri 1446 Hijriah', 'Collective leave for Eid al-Fitr'),
  collectiveLeave('2025-04-07', 'Cuti bersama Idul Fitri 1446 Hijriah', 'Collective leave for Eid al-Fitr'),
  national('2025-04-18', 'Wafat Yesus Kristus', 'Good Friday'),
  national('2025-04-20', 'Kebangkitan Yesus Kristus (Paskah)', 'Easter Sunday'),
  national('2025-05-01', 'Hari Buruh Internasional', 'International Labour Day'),
  national('2025-05-12', 'Hari Raya Waisak 2569 BE', 'Vesak Day 2569 BE'),
  collectiveLeave('2025-05-13', 'Cuti bersama Hari Raya Waisak', 'Collective leave for Vesak'),
  national('2025-05-29', 'Kenaikan Yesus Kristus', 'Ascension of Jesus Christ'),
  collectiveLeave('2025-05-30', 'Cuti bersama Kenaikan Yesus Kristus', 'Collective leave for Ascension Day'),
  national('2025-06-01', 'Hari Lahir Pancasila', 'Pancasila Day'),
  national('2025-06-06', 'Idul Adha 1446 Hijriah', 'Eid al-Adha 1446 AH'),
  collectiveLeave('2025-06-09', 'Cuti bersama Idul Adha 1446 Hijriah', 'Collective leave for Eid al-Adha'),
  national('2025-06-27', 'Tahun Baru Islam 1447 Hijriah', 'Islamic New Year 1447 AH'),
  national('2025-08-17', 'Hari Proklamasi Kemerdekaan Republik Indonesia', 'Independence Day'),
  collectiveLeave(
    '2025-08-18',
    'Cuti bersama HUT ke-80 Kemerdekaan Republik Indonesia',
    'Collective leave for the 80th Independence Day',
  ),
  national('2025-09-05', 'Maulid Nabi Muhammad SAW', "Prophet Muhammad's Birthday"),
  national('2025-12-25', 'Kelahiran Yesus Kristus (Natal)', 'Christmas Day'),
  collectiveLeave('2025-12-26', 'Cuti bersama Kelahiran Yesus Kristus', 'Collective leave for Christmas'),
];

const holidays2026: Holiday[] = [
  national('2026-01-01', 'Tahun Baru 2026 Masehi', "New Year's Day"),
  national('2026-01-16', 'Isra Mikraj Nabi Muhammad SAW', "Isra Mi'raj of the Prophet Muhammad"),
  collectiveLeave('2026-02-16', 'Cuti bersama Tahun Baru Imlek 2577 Kongzili', 'Collective leave for Chinese New Year'),
  national('2026-02-17', 'Tahun Baru Imlek 2577 Kongzili', 'Chinese New Year 2577'),
  collectiveLeave('2026-03-18', 'Cuti bersama Hari Suci Nyepi', 'Collective leave for Nyepi'),
  national('2026-03-19', 'Hari Suci Nyepi (Tahun Baru Saka 1948)', 'Nyepi, Day of Silence (Saka New Year 1948)'),
  collectiveLeave('2026-03-20', 'Cuti bersama Idul Fitri 1447 Hijriah', 'Collective leave for Eid al-Fitr'),
  national('2026-03-21', 'Idul Fitri 1447 Hijriah', 'Eid al-Fitr 1447 AH'),
  national('2026-03-22', 'Idul Fitri 1447 Hijriah (hari kedua)', 'Eid al-Fitr 1447 AH (second day)'),
  collectiveLeave('2026-03-23', 'Cuti bersama Idul Fitri 1447 Hijriah', 'Collective leave for Eid al-Fitr'),
  collectiveLeave('2026-03-24', 'Cuti bersama Idul Fitri 1447 Hijriah', 'Collective leave for Eid al-Fitr'),
  national('2026-04-03', 'Wafat Yesus Kristus', 'Good Friday'),
  national('2026-04-05', 'Kebangkitan Yesus Kristus (Paskah)', 'Easter Sunday'),
  national('2026-05-01', 'Hari Buruh Internasional', 'International Labour Day'),
  national('2026-05-14', 'Kenaikan Yesus Kristus', 'Ascension of Jesus Christ'),
  collectiveLeave('2026-05-15', 'Cuti bersama Kenaikan Yesus Kristus', 'Collective leave for Ascension Day'),
  national('2026-05-27', 'Idul Adha 1447 Hijriah', 'Eid al-Adha 1447 AH'),
  collectiveLeave('2026-05-28', 'Cuti bersama Idul Adha 1447 Hijriah', 'Collective leave for Eid al-Adha'),
  national('2026-05-31', 'Hari Raya Waisak 2570 BE', 'Vesak Day 2570 BE'),
  national('2026-06-01', 'Hari Lahir Pancasila', 'Pancasila Day'),
  national('2026-06-16', 'Tahun Baru Islam 1448 Hijriah', 'Islamic New Year 1448 AH'),
  national('2026-08-17', 'Hari Proklamasi Kemerdekaan Republik Indonesia', 'Independence Day'),
  national('2026-08-25', 'Maulid Nabi Muhammad SAW', "Prophet Muhammad's Birthday"),
  collectiveLeave('2026-12-24', 'Cuti bersama Kelahiran Yesus Kristus', 'Collective leave for Christmas'),
  national('2026-12-25', 'Kelahiran Yesus Kristus (Natal)', 'Christmas Day'),
];

// Estimates, see holidayYearSources. The Islamic dates assume the MABIMS criterion (moon at
// least 3° high and 6.4° from the sun at sunset somewhere in Indonesia): 1 Rajab 1448 on
// 10 December 2026 (a borderline sighting, as in December 2025, which the 2026 decree counted),
// 1 Syawal 1448 on 10 March 2027 (no sighting possible on 8 March), 1 Zulhijah on 8 May,
// 1 Muharam 1449 on 6 June and 1 Rabiulawal on 4 August 2027.
const holidays2027: Holiday[] = [
  national('2027-01-01', 'Tahun Baru 2027 Masehi', "New Year's Day"),
  national('2027-01-05', 'Isra Mikraj Nabi Muhammad SAW', "Isra Mi'raj of the Prophet Muhammad"),
  national('2027-02-06', 'Tahun Baru Imlek 2578 Kongzili', 'Chinese New Year 2578'),
  national('2027-03-08', 'Hari Suci Nyepi (Tahun Baru Saka 1949)', 'Nyepi, Day of Silence (Saka New Year 1949)'),
  national('2027-03-10', 'Idul Fitri 1448 Hijriah', 'Eid al-Fitr 1448 AH'),
  national('2027-03-11', 'Idul Fitri 1448 Hijriah (hari kedua)', 'Eid al-Fitr 1448 AH (second day)'),
  national('2027-03-26', 'Wafat Yesus Kristus', 'Good Friday'),
  national('2027-03-28', 'Kebangkitan Yesus Kristus (Paskah)', 'Easter Sunday'),
  national('2027-05-01', 'Hari Buruh Internasional', 'International Labour Day'),
  national('2027-05-06', 'Kenaikan Yesus Kristus', 'Ascension of Jesus Christ'),
  national('2027-05-17', 'Idul Adha 1448 Hijriah', 'Eid al-Adha 1448 AH'),
  national('2027-05-20', 'Hari Raya Waisak 2571 BE', 'Vesak Day 2571 BE'),
  national('2027-06-01', 'Hari Lahir Pancasila', 'Pancasila Day'),
  national('2027-06-06', 'Tahun Baru Islam 1449 Hijriah', 'Islamic New Year 1449 AH'),
  national('2027-08-15', 'Maulid Nabi Muhammad SAW', "Prophet Muhammad's Birthday"),
  national('2027-08-17', 'Hari Proklamasi Kemerdekaan Republik Indonesia', 'Independence Day'),
  national('2027-12-25', 'Kelahiran Yesus Kristus (Natal)', 'Christmas Day'),
];

/** Every listed day, in date order. */
export const indonesianHolidays: readonly Holiday[] = Object.freeze([...holidays2025, ...holidays2026, ...holidays2027]);

/** The dates to give a WorkingCalendar as its non-working days, optionally for some years only. */
export function nonWorkingDaysOf(holidays: readonly Holiday[], years?: readonly number[]): ReadonlySet<LocalDate> {
  const wanted = years === undefined ? undefined : new Set(years);
  return new Set(
    holidays.filter((holiday) => wanted === undefined || wanted.has(Number(holiday.on.slice(0, 4)))).map((holiday) => holiday.on),
  );
}
