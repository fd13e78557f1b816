import type { ComplaintStatus } from '../../domain/complaint/complaint-status.js';

/** One case as a row of the workbook: what the inbox lists, with the unit's and handler's names. */
export interface InboxWorkbookRow {
  registerNumber: string;
  title: string;
  status: ComplaintStatus;
  channel: string;
  categoryCode: string | null;
  priority: string | null;
  unitName: string | null;
  handlerName: string | null;
  receivedAt: Date;
  responseDueAt: Date | null;
  isWhistleblowing: boolean;
}

/** The exported inbox and the facts of its export, as the workbook prints them. */
export interface InboxWorkbook {
  rows: InboxWorkbookRow[];
  /** More cases matched than the limit; the first ones in the chosen order are here. */
  isTruncated: boolean;
  exportedAt: Date;
  exportedBy: string | null;
  /** The exporting officer's time zone, in which the workbook shows times. */
  timeZone: string;
  filters: Record<string, unknown>;
  auditSequence: number;
}
