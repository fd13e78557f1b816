/**
 * The working-day calendar of one unit: which local dates are working days, when the office is
 * open, and how local wall-clock times in the unit's time zone map to instants.
 *
 * Local dates are 'YYYY-MM-DD' strings in the unit's own time zone. Internally they are counted
 * as days since 1970-01-01 ("epoch days"), because date arithmetic on integers cannot drift with
 * the host's time zone and costs almost nothing.
 */

/** A calendar date in a unit's own time zone, 'YYYY-MM-DD'. */
export type LocalDate = string;

/** A wall-clock time of day, 'HH:MM' (24-hour, 00:00 to 23:59). */
export type LocalTime = string;

export interface OfficeHours {
  start: LocalTime;
  end: LocalTime;
}

export interface WorkingCalendar {
  /** IANA time zone of the unit, e.g. 'Asia/Jakarta' (WIB), 'Asia/Makassar' (WITA), 'Asia/Jayapura' (WIT). */
  timeZone: string;
  /** Days of the week that are never working days: 0 = Sunday … 6 = Saturday. */
  weekendDays: readonly number[];
  /**
   * Local dates that are not working days although they fall on a weekday: national holidays,
   * collective leave, local closures. Treated as read-only: build a new set to change it.
   */
  nonWorkingDays: ReadonlySet<LocalDate>;
  officeHours: OfficeHours;
}

export interface WorkingCalendarSettings {
  timeZone: string;
  weekendDays?: readonly number[];
  nonWorkingDays?: Iterable<LocalDate>;
  officeHours: OfficeHours;
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** Indonesian government offices do not work on Saturdays and Sundays. */
export const defaultWeekendDays: readonly number[] = Object.freeze([0, 6]);

/**
 * Builds a calendar and checks it once, so a typo in settings fails at start-up rather than
 * as a wrong deadline months later.
 */
export function createWorkingCalendar(settings: WorkingCalendarSettings): WorkingCalendar {
  const timeZone = canonicalTimeZone(settings.timeZone);
  const weekendDays = Object.freeze([...new Set(settings.weekendDays ?? defaultWeekendDays)].sort((a, b) => a - b));
  for (const day of weekendDays) {
    if (!Number.isInteger(day) || day < 0 || day > 6) {
      throw new RangeError(`weekend day must be an integer from 0 (Sunday) to 6 (Saturday), got ${day}`);
    }
  }
  const nonWorkingDays = new Set<LocalDate>();
  for (const date of settings.nonWorkingDays ?? []) {
    epochDayOf(date);
    nonWorkingDays.add(date);
  }
  const officeHours = { start: settings.officeHours.start, end: settings.officeHours.end };
  const calendar: WorkingCalendar = { timeZone, weekendDays, nonWorkingDays, officeHours };
  officeMinutesOf(calendar);
  assertHasWorkingDays(calendar);
  return calendar;
}

// ---------------------------------------------------------------------------------------------
// Local dates as epoch days

const localDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a local date; throws RangeError for anything but a real 'YYYY-MM-DD'. */
export function epochDayOf(localDate: LocalDate): number {
  const match = localDatePattern.exec(localDate);
  if (match) {
    const day = daysFromCivil(Number(match[1]), Number(match[2]), Number(match[3]));
    // Round-tripping rejects 2026-02-30 and 2026-13-01, which the arithmetic would roll over.
    if (localDateOfEpochDay(day) === localDate) return day;
  }
  throw new RangeError(`not a calendar date 'YYYY-MM-DD': ${JSON.stringify(localDate)}`);
}

// Checking a day against the holiday set needs its 'YYYY-MM-DD' name, and deadlines ask for the
// same few thousand days over and over; remembering the names makes that a map lookup.
const localDateNames = new Map<number, LocalDate>();
const maxRememberedLocalDates = 200_000;

export function localDateOfEpochDay(epochDay: number): LocalDate {
  const remembered = localDateNames.get(epochDay);
  if (remembered !== undefined) return remembered;
  if (!Number.isSafeInteger(epochDay)) throw new RangeError(`not a day number: ${epochDay}`);
  const [year, month, day] = civilFromDays(epochDay);
  const name = `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
  if (localDateNames.size >= maxRememberedLocalDates) localDateNames.clear();
  localDateNames.set(epochDay, name);
  return name;
}

export function addLocalDays(localDate: LocalDate, days: number): LocalDate {
  if (!Number.isInteger(days)) throw new RangeError(`days must be an integer, got ${days}`);
  return localDateOfEpochDay(epochDayOf(localDate) + days);
}

/** 0 = Sunday … 6 = Saturday, like Date#getDay. */
export function dayOfWeek(localDate: LocalDate): number {
  return dayOfWeekOfEpochDay(epochDayOf(localDate));
}

export function dayOfWeekOfEpochDay(epochDay: number): number {
  // 1970-01-01 was a Thursday.
  return (((epochDay + 4) % 7) + 7) % 7;
}

// Howard Hinnant's civil-calendar algorithms: exact for the proleptic Gregorian calendar and
// independent of Date, whose Date.UTC maps years 0–99 to 1900–1999.
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

function civilFromDays(epochDay: number): [number, number, number] {
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  return [yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

// ---------------------------------------------------------------------------------------------
// Local times and office hours

/** Minutes after local midnight of an 'HH:MM' time. */
export function minutesOfLocalTime(localTime: LocalTime): number {
  // Read digit by digit rather than with a regular expression: this runs for every office day
  // a deadline walks over.
  if (typeof localTime === 'string' && localTime.length === 5 && localTime.charCodeAt(2) === 58) {
    const h1 = localTime.charCodeAt(0) - 48;
    const h2 = localTime.charCodeAt(1) - 48;
    const m1 = localTime.charCodeAt(3) - 48;
    const m2 = localTime.charCodeAt(4) - 48;
    if (h1 >= 0 && h1 <= 2 && h2 >= 0 && h2 <= 9 && m1 >= 0 && m1 <= 5 && m2 >= 0 && m2 <= 9) {
      const hours = h1 * 10 + h2;
      if (hours <= 23) return hours * 60 + m1 * 10 + m2;
    }
  }
  throw new RangeError(`not a time of day 'HH:MM': ${JSON.stringify(localTime)}`);
}

/** Office opening and closing as minutes after local midnight; throws unless opening comes first. */
export function officeMinutesOf(calendar: WorkingCalendar): { startMinute: number; endMinute: number } {
  const startMinute = minutesOfLocalTime(calendar.officeHours.start);
  const endMinute = minutesOfLocalTime(calendar.officeHours.end);
  if (endMinute <= startMinute) {
    throw new RangeError(
      `office hours must end after they start, got ${calendar.officeHours.start}–${calendar.officeHours.end}`,
    );
  }
  return { startMinute, endMinute };
}

// ---------------------------------------------------------------------------------------------
// Working days

export function isWorkingDay(calendar: WorkingCalendar, localDate: LocalDate): boolean {
  return isWorkingEpochDay(calendar, epochDayOf(localDate));
}

export function isWorkingEpochDay(calendar: WorkingCalendar, epochDay: number): boolean {
  if (calendar.weekendDays.includes(dayOfWeekOfEpochDay(epochDay))) return false;
  return calendar.nonWorkingDays.size === 0 || !calendar.nonWorkingDays.has(localDateOfEpochDay(epochDay));
}

/** The first working day strictly after the given date. */
export function nextWorkingDay(calendar: WorkingCalendar, localDate: LocalDate): LocalDate {
  return localDateOfEpochDay(nextWorkingEpochDay(calendar, epochDayOf(localDate)));
}

/** The given date if it is a working day, otherwise the next working day. */
export function workingDayOnOrAfter(calendar: WorkingCalendar, localDate: LocalDate): LocalDate {
  const epochDay = epochDayOf(localDate);
  return isWorkingEpochDay(calendar, epochDay) ? localDate : localDateOfEpochDay(nextWorkingEpochDay(calendar, epochDay));
}

export function nextWorkingEpochDay(calendar: WorkingCalendar, epochDay: number): number {
  let day = epochDay + 1;
  while (!isWorkingEpochDay(calendar, day)) {
    day += 1;
    if (day - epochDay === 8) assertHasWorkingDays(calendar);
  }
  return day;
}

// Without this a calendar whose every weekday is a weekend day would loop forever; a finite set
// of holidays cannot, since the days after its last entry are working days again.
function assertHasWorkingDays(calendar: WorkingCalendar): void {
  if (new Set(calendar.weekendDays.filter((day) => day >= 0 && day <= 6)).size >= 7) {
    throw new RangeError('a working calendar needs at least one working day in the week');
  }
}

// ---------------------------------------------------------------------------------------------
// Time zones

interface ZoneData {
  formatter: Intl.DateTimeFormat;
  /** UTC offsets (ms) at 00:00 UTC of each day, in blocks of `offsetBlockDays` days. */
  offsetBlocks: Map<number, Float64Array>;
  lastBlock: number;
  lastOffsets: Float64Array | undefined;
}

// Formatting an instant with Intl costs several microseconds, far too much for 100,000
// deadlines, so each zone gets one formatter and a table of its offsets at UTC midnights.
// Offsets change at most a few times a year, never twice in one day, so when the offsets at
// both ends of a UTC day agree they hold all day; only a day with a transition asks Intl.
const zones = new Map<string, ZoneData>();
const offsetBlockDays = 256;
let lastZoneName: string | undefined;
let lastZone: ZoneData | undefined;

function zoneDataOf(timeZone: string): ZoneData {
  if (timeZone === lastZoneName && lastZone !== undefined) return lastZone;
  let zone = zones.get(timeZone);
  if (!zone) {
    const formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    zone = { formatter, offsetBlocks: new Map(), lastBlock: NaN, lastOffsets: undefined };
    zones.set(timeZone, zone);
  }
  lastZoneName = timeZone;
  lastZone = zone;
  return zone;
}

/** The canonical IANA name ('asia/ujung_pandang' → 'Asia/Makassar'); RangeError for an unknown zone. */
export function canonicalTimeZone(timeZone: string): string {
  return zoneDataOf(timeZone).formatter.resolvedOptions().timeZone;
}

/** How far local wall-clock time in the zone is ahead of UTC at the instant, in milliseconds. */
export function utcOffsetMsAt(timeZone: string, epochMs: number): number {
  if (!Number.isFinite(epochMs)) throw new RangeError('not a valid instant');
  const zone = zoneDataOf(timeZone);
  const epochDay = Math.floor(epochMs / DAY_MS);
  const block = Math.floor(epochDay / offsetBlockDays);
  let offsets = block === zone.lastBlock ? zone.lastOffsets : zone.offsetBlocks.get(block);
  if (!offsets) {
    offsets = new Float64Array(offsetBlockDays + 1);
    const firstDay = block * offsetBlockDays;
    for (let index = 0; index <= offsetBlockDays; index += 1) {
      offsets[index] = exactUtcOffsetMs(zone.formatter, (firstDay + index) * DAY_MS);
    }
    zone.offsetBlocks.set(block, offsets);
  }
  zone.lastBlock = block;
  zone.lastOffsets = offsets;
  const index = epochDay - block * offsetBlockDays;
  const atDayStart = offsets[index];
  if (atDayStart !== undefined && atDayStart === offsets[index + 1]) return atDayStart;
  return exactUtcOffsetMs(zone.formatter, epochMs);
}

function exactUtcOffsetMs(formatter: Intl.DateTimeFormat, epochMs: number): number {
  let year = 0;
  let month = 0;
  let day = 0;
  let hour = 0;
  let minute = 0;
  let second = 0;
  for (const part of formatter.formatToParts(epochMs)) {
    switch (part.type) {
      case 'year':
        year = Number(part.value);
        break;
      case 'month':
        month = Number(part.value);
        break;
      case 'day':
        day = Number(part.value);
        break;
      case 'hour':
        hour = Number(part.value);
        break;
      case 'minute':
        minute = Number(part.value);
        break;
      case 'second':
        second = Number(part.value);
        break;
    }
  }
  const wallMs = daysFromCivil(year, month, day) * DAY_MS + ((hour * 60 + minute) * 60 + second) * 1000;
  const wholeSecondMs = epochMs - (((epochMs % 1000) + 1000) % 1000);
  return wallMs - wholeSecondMs;
}

/** The local date of an instant in a time zone. */
export function localDateOf(instant: Date, timeZone: string): LocalDate {
  return localDateOfEpochDay(localEpochDayOf(instant.getTime(), timeZone));
}

export function localEpochDayOf(epochMs: number, timeZone: string): number {
  return Math.floor((epochMs + utcOffsetMsAt(timeZone, epochMs)) / DAY_MS);
}

/**
 * The instant at which clocks in the zone show the given local date and time.
 *
 * Where daylight saving makes that ambiguous this follows Temporal's 'compatible' choice: a time
 * skipped by a spring-forward gap moves later by the gap, and a time repeated by a fall-back
 * overlap takes the earlier instant. Indonesia has no daylight saving, but units elsewhere may.
 */
export function localDateTimeToInstant(localDate: LocalDate, localTime: LocalTime, timeZone: string): Date {
  const wallMs = epochDayOf(localDate) * DAY_MS + minutesOfLocalTime(localTime) * MINUTE_MS;
  return new Date(instantOfWallClockMs(wallMs, timeZone));
}

/** As localDateTimeToInstant, with the local time given as ms since 1970-01-01T00:00 wall-clock. */
export function instantOfWallClockMs(wallMs: number, timeZone: string): number {
  const offsetBefore = utcOffsetMsAt(timeZone, wallMs - DAY_MS);
  const offsetAfter = utcOffsetMsAt(timeZone, wallMs + DAY_MS);
  const withOffsetBefore = wallMs - offsetBefore;
  const fitsBefore = utcOffsetMsAt(timeZone, withOffsetBefore) === offsetBefore;
  if (offsetBefore === offsetAfter && fitsBefore) return withOffsetBefore;
  const withOffsetAfter = wallMs - offsetAfter;
  const fitsAfter = utcOffsetMsAt(timeZone, withOffsetAfter) === offsetAfter;
  if (fitsBefore && fitsAfter) return Math.min(withOffsetBefore, withOffsetAfter);
  if (fitsAfter) return withOffsetAfter;
  return withOffsetBefore;
}

/** The zone of a unit that names none, and of the schedules: Western Indonesia (WIB). */
export const defaultTimeZone = 'Asia/Jakarta';

const indonesianZoneAbbreviations = new Map<string, string>([
  ['Asia/Jakarta', 'WIB'],
  ['Asia/Pontianak', 'WIB'],
  ['Asia/Makassar', 'WITA'],
  ['Asia/Ujung_Pandang', 'WITA'],
  ['Asia/Jayapura', 'WIT'],
]);

// Without an instant, a zone is named by its standard offset: the smaller of its January and
// July offsets in a fixed year, so the answer never depends on when the code runs.
const standardOffsetSamples = [Date.UTC(2026, 0, 15), Date.UTC(2026, 6, 15)];

/**
 * 'WIB', 'WITA' or 'WIT' for Indonesia's zones; otherwise the UTC offset, e.g. 'UTC+7',
 * 'UTC+5:30', 'UTC-3' — at the given instant, or the zone's standard offset without one.
 */
export function timeZoneAbbreviation(timeZone: string, at?: Date): string {
  const canonical = canonicalTimeZone(timeZone);
  const indonesian = indonesianZoneAbbreviations.get(canonical) ?? indonesianZoneAbbreviations.get(timeZone);
  if (indonesian) return indonesian;
  const offsetMs =
    at === undefined
      ? Math.min(...standardOffsetSamples.map((sample) => utcOffsetMsAt(canonical, sample)))
      : utcOffsetMsAt(canonical, at.getTime());
  const totalMinutes = Math.round(Math.abs(offsetMs) / MINUTE_MS);
  const hours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  const sign = offsetMs < 0 ? '-' : '+';
  return `UTC${sign}${hours}${minutes === 0 ? '' : `:${String(minutes).padStart(2, '0')}`}`;
}
