import type { Kysely } from 'kysely';
import type { Duration, DurationUnit } from '../../domain/service-level/deadline.js';
import { defaultOfficeHours } from '../../domain/service-level/default-policy.js';
import type { ServiceLevelPolicy } from '../../domain/service-level/service-level-policy.js';
import { serviceLevelSettingsFrom, type ServiceLevelSettings } from '../../domain/service-level/service-level-settings.js';
import { createWorkingCalendar, defaultTimeZone, type WorkingCalendar } from '../../domain/service-level/working-calendar.js';
import { listActiveHolidayDays } from '../../store/holidays.js';
import type { Database } from '../../store/schema.js';
import { listServiceLevelPolicies, type ServiceLevelPolicyRow } from '../../store/service-level-policies.js';
import { readServiceLevelSettings, readServiceLevelVersion } from '../../store/service-level-settings.js';
import { findUnitPath } from '../../store/unit-tree.js';
import { findUnitById } from '../../store/units.js';

/** Holidays, policies and settings as one consistent version, with the calendars built from them. */
export interface ServiceLevels {
  version: number;
  policies: readonly ServiceLevelPolicy[];
  settings: ServiceLevelSettings;
  /** The working calendar of a unit: its time zone, installation-wide holidays and those of the unit and the units above it. */
  calendarOf(timeZone: string, unitPath: readonly number[]): WorkingCalendar;
  /** Whether any holiday is limited to some units (else a calendar needs no unit path). */
  hasUnitHolidays: boolean;
}

/**
 * The current service levels, read through `db` (the caller's transaction, so the version and
 * what it names are read together) and kept in `caches`. Every use reads the version row, one
 * primary-key lookup, so a change made by any process (a trigger bumps the version in its
 * transaction) is seen by all at their next use.
 */
/** Where the levels last read are kept: `deps.caches` (app/caches.ts). */
export interface ServiceLevelsCache {
  serviceLevels: ServiceLevels | undefined;
}

export async function currentServiceLevels(caches: ServiceLevelsCache, db: Kysely<Database>): Promise<ServiceLevels> {
  const version = await readServiceLevelVersion(db);
  const cached = caches.serviceLevels;
  if (cached !== undefined && cached.version === version) return cached;
  const [holidays, policyRows, storedSettings] = await Promise.all([
    listActiveHolidayDays(db), listServiceLevelPolicies(db, { activeOnly: true }), readServiceLevelSettings(db),
  ]);
  const loaded = buildServiceLevels(version, holidays, policyRows.map(toServiceLevelPolicy), serviceLevelSettingsFrom(storedSettings));
  caches.serviceLevels = loaded;
  return loaded;
}

export function buildServiceLevels(
  version: number,
  holidays: readonly { holidayOn: string; unitId: number | null }[],
  policies: readonly ServiceLevelPolicy[],
  settings: ServiceLevelSettings,
): ServiceLevels {
  const installationWide: string[] = [];
  const byUnit = new Map<number, string[]>();
  for (const holiday of holidays) {
    if (holiday.unitId === null) installationWide.push(holiday.holidayOn);
    else byUnit.set(holiday.unitId, [...(byUnit.get(holiday.unitId) ?? []), holiday.holidayOn]);
  }
  const calendars = new Map<string, WorkingCalendar>();
  return {
    version, policies, settings, hasUnitHolidays: byUnit.size > 0,
    calendarOf(timeZone, unitPath) {
      const scoped = unitPath.filter((unitId) => byUnit.has(unitId));
      const key = `${timeZone}|${scoped.join(',')}`;
      let calendar = calendars.get(key);
      if (calendar === undefined) {
        const nonWorkingDays = [...installationWide, ...scoped.flatMap((unitId) => byUnit.get(unitId) ?? [])];
        calendar = createWorkingCalendar({ timeZone, nonWorkingDays, officeHours: defaultOfficeHours });
        calendars.set(key, calendar);
      }
      return calendar;
    },
  };
}

/** A unit's working calendar; its holidays reach the units below it. */
export async function calendarForUnit(db: Kysely<Database>, levels: ServiceLevels, unitId: number): Promise<WorkingCalendar> {
  const unit = await findUnitById(db, unitId);
  const path = levels.hasUnitHolidays ? await findUnitPath(db, unitId) : [unitId];
  return levels.calendarOf(unit?.timeZone ?? defaultTimeZone, path);
}

export function toServiceLevelPolicy(row: ServiceLevelPolicyRow): ServiceLevelPolicy {
  const duration = (amount: number, unit: DurationUnit): Duration => ({ amount, unit });
  return {
    id: row.id, name: row.name,
    channel: row.channel, categoryCode: row.categoryCode, priority: row.priority,
    isWhistleblowing: row.isWhistleblowing,
    durations: {
      acknowledgement: duration(row.acknowledgementAmount, row.acknowledgementUnit),
      verification: duration(row.verificationAmount, row.verificationUnit),
      response: duration(row.responseAmount, row.responseUnit),
    },
  };
}
