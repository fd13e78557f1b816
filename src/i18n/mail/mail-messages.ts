import { isStaffNoticeTemplate, type StaffNoticeTemplate } from '../../domain/notifications/next-actors.js';
import { isReporterTemplate, type ReporterTemplate } from '../../domain/notifications/templates.js';
import type { Locale } from '../locale.js';

/** What a template may print: only values the outbox row carries by design, never free text or identity. */
export interface MailValues {
  registerNumber: string;
  /** case.merged: the surviving case. */
  intoRegisterNumber: string;
  /** case.status_changed: the status label in the mail's language. */
  statusLabel: string;
  /** Where the public tracks a complaint (reporter mails). */
  trackingUrl: string;
  /** Where staff sign in (staff mails). */
  staffUrl: string;
  /** The case's own page for staff (`/staf/kasus/<id>`), or the sign-in page when the message names no case. */
  caseUrl: string;
  /** deadline.*: which deadline, in the mail's language (`deadlineKind` in the data). */
  deadlineLabel: string;
  /** deadline.*, case.info_reminder: the due (or closing) time in the unit's time zone, e.g. "31 Maret 2026 pukul 16.00 WIB". */
  dueAtText: string;
  /** deadline.reminder: the share of the time gone, in percent. */
  percent: string;
}

export interface MailMessage {
  subject(values: MailValues): string;
  /** Paragraphs of plain text; the HTML part is made from the same paragraphs. */
  paragraphs(values: MailValues): string[];
}

export type { ReporterTemplate };
export { isReporterTemplate };
export type StaffTemplate = StaffNoticeTemplate;

export function isStaffTemplate(template: string): template is StaffTemplate {
  return isStaffNoticeTemplate(template);
}

// Reporter mails say where to look, never what the tracking code is: it is shown once at
// submission and only its hash is stored, and a mailbox is not a safe place for it.
const trackHint = {
  id: (v: MailValues) => `Untuk melihat perkembangannya, buka halaman lacak pengaduan ${v.trackingUrl} dan masukkan nomor register ${v.registerNumber} beserta kode pelacakan yang Anda terima saat mengirim pengaduan.`,
  en: (v: MailValues) => `To follow it, open the tracking page ${v.trackingUrl} and enter the register number ${v.registerNumber} with the tracking code you were given when you submitted it.`,
};
const noReply = {
  id: 'Surel ini dikirim otomatis; mohon tidak membalasnya.',
  en: 'This message was sent automatically; please do not reply to it.',
};

export const reporterMessages: Record<Locale, Record<ReporterTemplate, MailMessage>> = {
  id: {
    'complaint.acknowledged': {
      subject: (v) => `Pengaduan Anda telah diterima (${v.registerNumber})`,
      paragraphs: (v) => [`Terima kasih. Pengaduan Anda telah kami terima dengan nomor register ${v.registerNumber}.`, trackHint.id(v), noReply.id],
    },
    'case.info_requested': {
      subject: (v) => `Kami memerlukan keterangan tambahan (${v.registerNumber})`,
      paragraphs: (v) => [`Petugas kami memerlukan keterangan tambahan tentang pengaduan ${v.registerNumber}. Waktu penanganan berhenti sampai Anda menjawab.`, trackHint.id(v), noReply.id],
    },
    'case.message_to_reporter': {
      subject: (v) => `Ada pesan baru tentang pengaduan Anda (${v.registerNumber})`,
      paragraphs: (v) => [`Petugas kami mengirim pesan tentang pengaduan ${v.registerNumber}.`, trackHint.id(v), noReply.id],
    },
    'case.rejected': {
      subject: (v) => `Pengaduan Anda tidak dapat ditindaklanjuti (${v.registerNumber})`,
      paragraphs: (v) => [`Pengaduan ${v.registerNumber} tidak dapat ditindaklanjuti. Alasannya dapat Anda baca di halaman lacak pengaduan.`, trackHint.id(v), noReply.id],
    },
    'response.sent': {
      subject: (v) => `Tanggapan atas pengaduan Anda telah tersedia (${v.registerNumber})`,
      paragraphs: (v) => [`Tanggapan atas pengaduan ${v.registerNumber} telah tersedia. Anda dapat menilai tanggapan itu atau mengajukan keberatan.`, trackHint.id(v), noReply.id],
    },
    'case.merged': {
      subject: (v) => `Pengaduan Anda digabung (${v.registerNumber})`,
      paragraphs: (v) => [`Pengaduan ${v.registerNumber} digabung dengan pengaduan ${v.intoRegisterNumber} karena membahas hal yang sama.`, trackHint.id(v), noReply.id],
    },
    'case.status_changed': {
      subject: (v) => `Status pengaduan Anda: ${v.statusLabel} (${v.registerNumber})`,
      paragraphs: (v) => [`Status pengaduan ${v.registerNumber} sekarang: ${v.statusLabel}.`, trackHint.id(v), noReply.id],
    },
    'case.info_reminder': {
      subject: (v) => `Kami masih menunggu keterangan Anda (${v.registerNumber})`,
      paragraphs: (v) => [
        `Petugas kami meminta keterangan tambahan tentang pengaduan ${v.registerNumber} dan belum menerima jawaban Anda. Jika belum ada jawaban sampai ${v.dueAtText}, pengaduan ini akan ditutup.`,
        trackHint.id(v), noReply.id,
      ],
    },
  },
  en: {
    'complaint.acknowledged': {
      subject: (v) => `We have received your complaint (${v.registerNumber})`,
      paragraphs: (v) => [`Thank you. We have received your complaint under register number ${v.registerNumber}.`, trackHint.en(v), noReply.en],
    },
    'case.info_requested': {
      subject: (v) => `We need more information (${v.registerNumber})`,
      paragraphs: (v) => [`Our staff need more information about complaint ${v.registerNumber}. The handling time stops until you answer.`, trackHint.en(v), noReply.en],
    },
    'case.message_to_reporter': {
      subject: (v) => `A new message about your complaint (${v.registerNumber})`,
      paragraphs: (v) => [`Our staff sent you a message about complaint ${v.registerNumber}.`, trackHint.en(v), noReply.en],
    },
    'case.rejected': {
      subject: (v) => `Your complaint cannot be taken further (${v.registerNumber})`,
      paragraphs: (v) => [`Complaint ${v.registerNumber} cannot be taken further. The reasons are on the tracking page.`, trackHint.en(v), noReply.en],
    },
    'response.sent': {
      subject: (v) => `The response to your complaint is ready (${v.registerNumber})`,
      paragraphs: (v) => [`The response to complaint ${v.registerNumber} is ready. You can rate it or appeal against it.`, trackHint.en(v), noReply.en],
    },
    'case.merged': {
      subject: (v) => `Your complaint was merged (${v.registerNumber})`,
      paragraphs: (v) => [`Complaint ${v.registerNumber} was merged with complaint ${v.intoRegisterNumber}, which is about the same matter.`, trackHint.en(v), noReply.en],
    },
    'case.status_changed': {
      subject: (v) => `Your complaint is now: ${v.statusLabel} (${v.registerNumber})`,
      paragraphs: (v) => [`The status of complaint ${v.registerNumber} is now: ${v.statusLabel}.`, trackHint.en(v), noReply.en],
    },
    'case.info_reminder': {
      subject: (v) => `We are still waiting for your information (${v.registerNumber})`,
      paragraphs: (v) => [
        `Our staff asked for more information about complaint ${v.registerNumber} and have not received your answer. If there is no answer by ${v.dueAtText}, the complaint will be closed.`,
        trackHint.en(v), noReply.en,
      ],
    },
  },
};

// Staff mails name the case by its register number and nothing else: no tracking code,
// no identity, no content. The case itself is read after signing in.
export const staffMessages: Record<StaffTemplate, MailMessage> = {
  'complaint.new': {
    subject: (v) => `Pengaduan baru ${v.registerNumber} menunggu verifikasi`,
    paragraphs: (v) => [`Pengaduan baru dengan nomor register ${v.registerNumber} masuk ke unit Anda dan menunggu verifikasi.`, `Buka pengaduan itu: ${v.caseUrl}`, noReply.id],
  },
  'case.assigned_to_you': {
    subject: (v) => `Pengaduan ${v.registerNumber} didisposisikan kepada Anda`,
    paragraphs: (v) => [`Pengaduan ${v.registerNumber} didisposisikan kepada Anda untuk ditangani.`, `Buka pengaduan itu: ${v.caseUrl}`, noReply.id],
  },
  'case.referred_to_your_unit': {
    subject: (v) => `Pengaduan ${v.registerNumber} dilimpahkan ke unit Anda`,
    paragraphs: (v) => [`Pengaduan ${v.registerNumber} dilimpahkan ke unit Anda dan menunggu verifikasi.`, `Buka pengaduan itu: ${v.caseUrl}`, noReply.id],
  },
  'case.appealed_to_your_unit': {
    subject: (v) => `Pelapor mengajukan keberatan atas pengaduan ${v.registerNumber}`,
    paragraphs: (v) => [`Pelapor tidak puas dengan tanggapan atas pengaduan ${v.registerNumber}. Keberatannya menunggu disposisi di unit Anda.`, `Buka pengaduan itu: ${v.caseUrl}`, noReply.id],
  },
  'response.awaiting_your_approval': {
    subject: (v) => `Tanggapan pengaduan ${v.registerNumber} menunggu persetujuan Anda`,
    paragraphs: (v) => [`Rancangan tanggapan atas pengaduan ${v.registerNumber} menunggu persetujuan Anda.`, `Periksa rancangan itu: ${v.caseUrl}`, noReply.id],
  },
  'response.ready_to_send': {
    subject: (v) => `Tanggapan pengaduan ${v.registerNumber} sudah disetujui dan siap dikirim`,
    paragraphs: (v) => [`Tanggapan atas pengaduan ${v.registerNumber} sudah disetujui di semua tingkat dan menunggu dikirim kepada pelapor.`, `Kirim tanggapan itu: ${v.caseUrl}`, noReply.id],
  },
  'response.returned': {
    subject: (v) => `Rancangan tanggapan pengaduan ${v.registerNumber} dikembalikan untuk diperbaiki`,
    paragraphs: (v) => [`Rancangan tanggapan Anda atas pengaduan ${v.registerNumber} dikembalikan dengan catatan perbaikan.`, `Baca catatannya: ${v.caseUrl}`, noReply.id],
  },
  'reporter.answered': {
    subject: (v) => `Pelapor menjawab permintaan keterangan (${v.registerNumber})`,
    paragraphs: (v) => [`Pelapor pengaduan ${v.registerNumber} telah menjawab permintaan keterangan tambahan. Waktu penanganan berjalan lagi.`, `Baca jawabannya: ${v.caseUrl}`, noReply.id],
  },
  'reporter.message_added': {
    subject: (v) => `Pesan atau bukti baru dari pelapor (${v.registerNumber})`,
    paragraphs: (v) => [`Pelapor pengaduan ${v.registerNumber} mengirim pesan atau bukti baru.`, `Baca pesannya: ${v.caseUrl}`, noReply.id],
  },
  'deadline.reminder': {
    subject: (v) => `Pengingat: batas waktu ${v.deadlineLabel} pengaduan ${v.registerNumber}, ${v.dueAtText}`,
    paragraphs: (v) => [
      `${v.percent}% waktu ${v.deadlineLabel} pengaduan ${v.registerNumber} telah berjalan. Batas waktunya ${v.dueAtText}.`,
      `Buka pengaduan itu: ${v.caseUrl}`, noReply.id,
    ],
  },
  'deadline.missed': {
    subject: (v) => `Melewati batas waktu: ${v.deadlineLabel} pengaduan ${v.registerNumber}`,
    paragraphs: (v) => [
      `Batas waktu ${v.deadlineLabel} pengaduan ${v.registerNumber} (${v.dueAtText}) telah terlampaui. Pengaduan ini ditandai terlambat; Anda menerima pesan ini sebagai pimpinan unit yang menanganinya.`,
      `Buka pengaduan itu: ${v.caseUrl}`, noReply.id,
    ],
  },
};
