import type { Duration } from './deadline.js';

/** What the service-level jobs do and when; administrators change these. */
export interface ServiceLevelSettings {
  /** Reminders to whoever must act, at these shares (percent) of a deadline's time. */
  reminderPercents: number[];
  /** Days after the response letter in which the reporter may appeal; then the case closes. */
  appealWindowDays: number;
  /** After a request for information, when to remind the reporter who has not answered. */
  reporterReminderAfter: Duration;
  /** After a request for information, when to close the case if the reporter never answered. */
  closeUnansweredAfter: Duration;
}

/**
 * Defaults. The appeal window is the 14 days the response letter has always printed. For
 * unanswered requests the seed documents set nothing; a reminder after a working week and
 * closing after two mirror the usual practice of public complaint desks (a reporter who
 * answers later can still appeal the closed case).
 */
export const defaultServiceLevelSettings: ServiceLevelSettings = Object.freeze({
  reminderPercents: [50, 80],
  appealWindowDays: 14,
  reporterReminderAfter: { amount: 5, unit: 'working_days' },
  closeUnansweredAfter: { amount: 10, unit: 'working_days' },
}) as ServiceLevelSettings;

/** Settings as stored (JSON written by an older or newer version), each field checked and defaulted on its own. */
export function serviceLevelSettingsFrom(stored: unknown): ServiceLevelSettings {
  const value = (typeof stored === 'object' && stored !== null ? stored : {}) as Record<string, unknown>;
  const percents = Array.isArray(value.reminderPercents)
    ? value.reminderPercents.filter((percent): percent is number => Number.isInteger(percent) && percent > 0 && percent < 100)
    : defaultServiceLevelSettings.reminderPercents;
  const days = value.appealWindowDays;
  return {
    reminderPercents: [...new Set(percents)].sort((a, b) => a - b),
    appealWindowDays: typeof days === 'number' && Number.isInteger(days) && days >= 1 ? days : defaultServiceLevelSettings.appealWindowDays,
    reporterReminderAfter: durationOr(value.reporterReminderAfter, defaultServiceLevelSettings.reporterReminderAfter),
    closeUnansweredAfter: durationOr(value.closeUnansweredAfter, defaultServiceLevelSettings.closeUnansweredAfter),
  };
}

function durationOr(value: unknown, fallback: Duration): Duration {
  if (typeof value !== 'object' || value === null) return fallback;
  const { amount, unit } = value as Record<string, unknown>;
  if (typeof amount !== 'number' || !Number.isInteger(amount) || amount < 1) return fallback;
  if (unit !== 'minutes' && unit !== 'working_days' && unit !== 'calendar_days') return fallback;
  return { amount, unit };
}
