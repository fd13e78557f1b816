import { staffNoticeTemplates, type StaffNoticeTemplate } from './next-actors.js';

/**
 * What the reporter is told, by mail today and by the channel they wrote in later. Stored with
 * the outbox row; a name is never renamed, since old rows keep it.
 */
export const reporterTemplates = [
  'complaint.acknowledged', 'case.info_requested', 'case.message_to_reporter', 'case.rejected', 'response.sent', 'case.merged', 'case.status_changed',
  'case.info_reminder',
] as const;
export type ReporterTemplate = (typeof reporterTemplates)[number];

/** Every template an outbox row or an in-app notification may name. */
export type MessageTemplate = ReporterTemplate | StaffNoticeTemplate;

export const messageTemplates: readonly MessageTemplate[] = [...reporterTemplates, ...staffNoticeTemplates];

export function isReporterTemplate(template: string): template is ReporterTemplate {
  return (reporterTemplates as readonly string[]).includes(template);
}
