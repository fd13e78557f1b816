import type { PublishedCaseRow } from '../../store/public-register.js';

/** Whether the reporter was answered within the response deadline; unknown without one. */
export type ServiceLevelOutcome = 'met' | 'missed' | 'unknown';

/** A published case as the public reads it. Nothing here names the reporter or a staff member. */
export interface PublicRegisterEntry {
  registerNumber: string;
  category: { code: string; nameId: string; nameEn: string } | null;
  unitName: string;
  /** The unit's zone: its dates are shown as the day fell there. */
  timeZone: string;
  receivedAt: Date;
  respondedAt: Date | null;
  closedAt: Date | null;
  serviceLevel: ServiceLevelOutcome;
  summary: string;
  /** The answer staff wrote for the public from the response; empty when there is none to show. */
  publicAnswer: string;
  publishedAt: Date;
}

/** Whether the response deadline was met: the same comparison the public statistics count. */
export function serviceLevelOf(metAt: Date | null, dueAt: Date | null): ServiceLevelOutcome {
  if (metAt === null || dueAt === null) return 'unknown';
  return metAt.getTime() <= dueAt.getTime() ? 'met' : 'missed';
}

export function publicRegisterEntry(row: PublishedCaseRow): PublicRegisterEntry {
  return {
    registerNumber: row.registerNumber,
    category: row.categoryCode === null ? null : { code: row.categoryCode, nameId: row.categoryNameId ?? row.categoryCode, nameEn: row.categoryNameEn ?? row.categoryCode },
    unitName: row.unitName,
    timeZone: row.unitTimeZone,
    receivedAt: row.receivedAt,
    respondedAt: row.respondedAt,
    closedAt: row.closedAt,
    serviceLevel: serviceLevelOf(row.responseMetAt, row.responseDueAt),
    summary: row.summary,
    publicAnswer: row.publicAnswer,
    publishedAt: row.publishedAt,
  };
}
