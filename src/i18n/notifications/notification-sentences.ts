import { isStaffNoticeTemplate, type StaffNoticeTemplate } from '../../domain/notifications/next-actors.js';
import { defaultTimeZone } from '../../domain/service-level/working-calendar.js';
import type { Locale } from '../locale.js';
import { deadlineLabel, dueAtText } from '../mail/render-mail.js';

interface NoticeValues {
  registerNumber: string;
  deadlineLabel: string;
  dueAtText: string;
  percent: string;
}

/** One sentence per notice, as a clerk would say it; the case's title is shown beside it, not in it. */
const sentences: Record<Locale, Record<StaffNoticeTemplate, (v: NoticeValues) => string>> = {
  id: {
    'complaint.new': (v) => `Pengaduan baru ${v.registerNumber} masuk ke unit Anda dan menunggu verifikasi.`,
    'case.assigned_to_you': (v) => `Pengaduan ${v.registerNumber} didisposisikan kepada Anda untuk ditangani.`,
    'case.referred_to_your_unit': (v) => `Pengaduan ${v.registerNumber} dilimpahkan ke unit Anda dan menunggu verifikasi.`,
    'case.appealed_to_your_unit': (v) => `Pelapor mengajukan keberatan atas tanggapan pengaduan ${v.registerNumber}; keberatan itu menunggu disposisi.`,
    'response.awaiting_your_approval': (v) => `Rancangan tanggapan pengaduan ${v.registerNumber} menunggu persetujuan Anda.`,
    'response.ready_to_send': (v) => `Tanggapan pengaduan ${v.registerNumber} sudah disetujui dan siap dikirim kepada pelapor.`,
    'response.returned': (v) => `Rancangan tanggapan Anda untuk pengaduan ${v.registerNumber} dikembalikan untuk diperbaiki.`,
    'reporter.answered': (v) => `Pelapor pengaduan ${v.registerNumber} telah menjawab permintaan keterangan.`,
    'reporter.message_added': (v) => `Pelapor pengaduan ${v.registerNumber} mengirim pesan atau bukti baru.`,
    'deadline.reminder': (v) => `${v.percent}% waktu ${v.deadlineLabel} pengaduan ${v.registerNumber} telah berjalan; batasnya ${v.dueAtText}.`,
    'deadline.missed': (v) => `Batas waktu ${v.deadlineLabel} pengaduan ${v.registerNumber} (${v.dueAtText}) telah terlampaui.`,
  },
  en: {
    'complaint.new': (v) => `New complaint ${v.registerNumber} came in to your unit and awaits verification.`,
    'case.assigned_to_you': (v) => `Complaint ${v.registerNumber} was assigned to you to handle.`,
    'case.referred_to_your_unit': (v) => `Complaint ${v.registerNumber} was referred to your unit and awaits verification.`,
    'case.appealed_to_your_unit': (v) => `The reporter appealed against the response to complaint ${v.registerNumber}; the appeal awaits disposition.`,
    'response.awaiting_your_approval': (v) => `The draft response to complaint ${v.registerNumber} awaits your approval.`,
    'response.ready_to_send': (v) => `The response to complaint ${v.registerNumber} is approved and ready to send to the reporter.`,
    'response.returned': (v) => `Your draft response to complaint ${v.registerNumber} was returned for corrections.`,
    'reporter.answered': (v) => `The reporter of complaint ${v.registerNumber} answered the request for information.`,
    'reporter.message_added': (v) => `The reporter of complaint ${v.registerNumber} sent a new message or new evidence.`,
    'deadline.reminder': (v) => `${v.percent}% of the ${v.deadlineLabel} time for complaint ${v.registerNumber} has passed; it is due ${v.dueAtText}.`,
    'deadline.missed': (v) => `The ${v.deadlineLabel} deadline of complaint ${v.registerNumber} (${v.dueAtText}) was missed.`,
  },
};

const somethingNew: Record<Locale, (registerNumber: string) => string> = {
  id: (registerNumber) => `Ada kabar baru tentang pengaduan ${registerNumber}.`,
  en: (registerNumber) => `There is news about complaint ${registerNumber}.`,
};

/**
 * The sentence a notification shows, in the reader's language, from its template and the values
 * stored with it. A template this version does not know still reads as a sentence, never as a code.
 */
export function notificationSentence(template: string, data: Record<string, unknown>, registerNumber: string, locale: Locale): string {
  if (!isStaffNoticeTemplate(template)) return somethingNew[locale](registerNumber);
  const text = (key: string) => (typeof data[key] === 'string' ? data[key] : '');
  return sentences[locale][template]({
    registerNumber,
    deadlineLabel: deadlineLabel(text('deadlineKind'), locale),
    dueAtText: dueAtText(text('dueAt'), text('timeZone') || defaultTimeZone, locale),
    percent: typeof data.percent === 'number' ? String(data.percent) : '',
  });
}
