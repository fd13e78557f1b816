import { complaintStatuses, type ComplaintStatus } from '../../domain/complaint/complaint-status.js';
import { defaultTimeZone, timeZoneAbbreviation } from '../../domain/service-level/working-calendar.js';
import type { Locale } from '../locale.js';
import { staffCasePath } from '../staff-case-path.js';
import { statusLabels } from '../status-labels.js';
import { isReporterTemplate, isStaffTemplate, reporterMessages, staffMessages, type MailMessage, type MailValues } from './mail-messages.js';

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

export interface MailToRender {
  template: string;
  audience: 'reporter' | 'staff';
  /** The reporter's language; staff mails are always in Indonesian. */
  locale: Locale;
  /** The outbox row's data: only the fields a template names are read. */
  data: Record<string, unknown>;
  publicUrl: string;
  /** The case the message is about (the outbox row's), for the staff link to it. */
  complaintId?: string | null | undefined;
}

/** The mail for an outbox message, or undefined when no template of that name exists for that audience. */
export function renderMail(mail: MailToRender): RenderedMail | undefined {
  const language: Locale = mail.audience === 'staff' ? 'id' : mail.locale;
  let message: MailMessage | undefined;
  if (mail.audience === 'reporter' && isReporterTemplate(mail.template)) message = reporterMessages[language][mail.template];
  if (mail.audience === 'staff' && isStaffTemplate(mail.template)) message = staffMessages[mail.template];
  if (message === undefined) return undefined;
  const text = (key: string) => (typeof mail.data[key] === 'string' ? mail.data[key] : '');
  const status = text('status');
  const values: MailValues = {
    registerNumber: text('registerNumber'),
    intoRegisterNumber: text('intoRegisterNumber'),
    statusLabel: isComplaintStatus(status) ? statusLabels[status][language] : status,
    trackingUrl: `${mail.publicUrl}/lacak`,
    staffUrl: `${mail.publicUrl}/staf`,
    caseUrl: mail.complaintId ? `${mail.publicUrl}${staffCasePath(mail.complaintId)}` : `${mail.publicUrl}/staf`,
    deadlineLabel: deadlineLabel(text('deadlineKind'), language),
    dueAtText: dueAtText(text('dueAt'), text('timeZone') || defaultTimeZone, language),
    percent: typeof mail.data.percent === 'number' ? String(mail.data.percent) : '',
  };
  const paragraphs = message.paragraphs(values);
  return {
    subject: message.subject(values),
    text: `${paragraphs.join('\n\n')}\n`,
    html: `<!doctype html><html lang="${language}"><body>${paragraphs.map((paragraph) => `<p>${linkify(escapeHtml(paragraph))}</p>`).join('')}</body></html>`,
  };
}

const deadlineLabels: Record<string, Record<Locale, string>> = {
  acknowledgement: { id: 'tanda terima', en: 'acknowledgement' },
  verification: { id: 'verifikasi', en: 'verification' },
  response: { id: 'tanggapan', en: 'response' },
};

export function deadlineLabel(kind: string, language: Locale): string {
  return deadlineLabels[kind]?.[language] ?? kind;
}

/** "31 Maret 2026 pukul 16.00 WIB" / "31 March 2026, 16:00 WIB", in the unit's time zone. */
export function dueAtText(iso: string, timeZone: string, language: Locale): string {
  const at = new Date(iso);
  if (iso === '' || Number.isNaN(at.getTime())) return '';
  const tag = language === 'id' ? 'id-ID' : 'en-GB';
  const date = new Intl.DateTimeFormat(tag, { timeZone, day: 'numeric', month: 'long', year: 'numeric' }).format(at);
  const time = new Intl.DateTimeFormat(tag, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
  const zone = timeZoneAbbreviation(timeZone, at);
  return language === 'id' ? `${date} pukul ${time} ${zone}` : `${date}, ${time} ${zone}`;
}

function isComplaintStatus(value: string): value is ComplaintStatus {
  return (complaintStatuses as readonly string[]).includes(value);
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char);
}

function linkify(escaped: string): string {
  return escaped.replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`);
}
