import type { CaseEvent } from '../../domain/case-event.js';
import type { Channel } from '../../domain/complaint/channel.js';
import type { IdentityMode } from '../../domain/complaint/identity.js';
import type { ComplaintStatus } from '../../domain/complaint/complaint-status.js';
import type { Locale } from '../../i18n/locale.js';
import { statusLabels } from '../../i18n/status-labels.js';
import type { Finding, Priority, RejectionReason, VerificationResult } from '../../domain/workflow/workflow-values.js';

/** Names the dossier prints instead of ids: units, staff, categories. */
export interface DossierNames {
  unit: (id: number) => string;
  staff: (id: number) => string;
  category: (code: string) => string;
}


/** Every word the dossier prints that is not the case's own content, in one language. */
export interface DossierWording {
  /** For Intl: dates and numbers as a reader of this language expects them. */
  intl: string;
  channels: Record<Channel, string>;
  findings: Record<Finding, string>;
  priorities: Record<Priority, string>;
  verification: Record<VerificationResult, string>;
  rejection: Record<RejectionReason, string>;
  modes: Record<IdentityMode, string>;
  statuses: Record<ComplaintStatus, string>;
  labels: {
    fileTitle: string; registerNumber: (number: string) => string; confidential: string; documentTitle: (number: string) => string;
    complaint: string; title: string; status: string; channel: string; category: string; priority: string; whistleblowing: string; yes: string; no: string;
    unit: string; handler: string; receivedAt: string; recordedAt: string; responseDue: string; completeness: string;
    reporter: string; identityMode: string; pseudonym: string; name: string; nik: string; email: string; phone: string; address: string; identityWithheld: string;
    description: string; what: string; where: string; when: string; who: string; how: string; why: string;
    draft: (number: number) => string; finding: string; approval: string; approvalLevel: (level: number, levels: number) => string;
    correctiveActions: string; done: string; ongoing: string; due: (date: string) => string;
    history: string; theReporter: string; theSystem: string; staffNumber: (id: number | string) => string;
    attachments: string; noAttachments: string; attachment: (mediaType: string, size: string, addedBy: string, at: string) => string;
    clipped: string; deletedUnit: string; formerStaff: string;
    exported: (by: string, at: string, sequence: number, registerNumber: string) => string; page: (page: number, pages: number) => string;
  };
  /** One timeline entry as a sentence a clerk reads; the actor and time are printed beside it. */
  describe: (event: CaseEvent, names: DossierNames) => string;
}

const quoted = (value: string | null | undefined): string => (value ? ` — “${value}”` : '');

/** A calendar day ("2026-04-01") as "1 April 2026": it names a day, not an instant. */
export function day(intl: string, isoDate: string): string {
  const parsed = new Date(`${isoDate}T00:00:00Z`);
  return Number.isNaN(parsed.getTime()) ? isoDate : new Intl.DateTimeFormat(intl, { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(parsed);
}

/** Events of kinds added later than this wording: named plainly rather than as a code. */
const otherEvent = (event: { type: string }) => event.type.replace(/[._]/g, ' ');

const id: DossierWording = {
  intl: 'id-ID',
  channels: {
    web: 'Situs web', email: 'Surel', whatsapp: 'WhatsApp', sms: 'SMS', letter: 'Surat', suggestion_box: 'Kotak saran',
    walk_in: 'Tatap muka', phone: 'Telepon', social_media: 'Media sosial', referral: 'Rujukan instansi lain',
  },
  findings: { substantiated: 'terbukti', partly_substantiated: 'terbukti sebagian', unsubstantiated: 'tidak terbukti', undeterminable: 'tidak dapat ditentukan' },
  priorities: { low: 'rendah', medium: 'sedang', high: 'tinggi' },
  verification: { indicated: 'ada indikasi kebenaran', not_indicated: 'tidak ada indikasi kebenaran' },
  rejection: { out_of_scope: 'di luar kewenangan', insufficient_information: 'informasi tidak cukup', duplicate: 'duplikat', other: 'alasan lain' },
  modes: { identified: 'Teridentifikasi', confidential: 'Rahasia (identitas disegel)', anonymous: 'Anonim' },
  statuses: Object.fromEntries(Object.entries(statusLabels).map(([status, label]) => [status, label.id])) as Record<ComplaintStatus, string>,
  labels: {
    fileTitle: 'BERKAS PENGADUAN', registerNumber: (number) => `Nomor register ${number}`, confidential: 'RAHASIA', documentTitle: (number) => `Berkas Pengaduan ${number}`,
    complaint: 'Pengaduan', title: 'Judul', status: 'Status', channel: 'Saluran', category: 'Kategori', priority: 'Prioritas', whistleblowing: 'Whistleblowing', yes: 'Ya', no: 'Tidak',
    unit: 'Unit', handler: 'Penangan', receivedAt: 'Diterima', recordedAt: 'Dicatat', responseDue: 'Batas waktu tanggapan', completeness: 'Kelengkapan 5W1H',
    reporter: 'Pelapor', identityMode: 'Jenis identitas', pseudonym: 'Nama samaran', name: 'Nama', nik: 'NIK', email: 'Surel', phone: 'Telepon', address: 'Alamat',
    identityWithheld: 'Identitas pelapor tidak dimuat dalam berkas ini.',
    description: 'Uraian', what: 'Apa', where: 'Di mana', when: 'Kapan', who: 'Siapa', how: 'Bagaimana', why: 'Mengapa',
    draft: (number) => `Rancangan tanggapan ${number}`, finding: 'Temuan', approval: 'Tingkat persetujuan', approvalLevel: (level, levels) => `${level} dari ${levels}`,
    correctiveActions: 'Tindakan perbaikan', done: 'selesai', ongoing: 'berjalan', due: (date) => `batas ${date}`,
    history: 'Riwayat', theReporter: 'pelapor', theSystem: 'sistem', staffNumber: (staffId) => `staf #${staffId}`,
    attachments: 'Lampiran', noAttachments: 'Tidak ada lampiran.',
    attachment: (mediaType, size, addedBy, at) => `${mediaType}, ${size} bita, oleh ${addedBy === 'reporter' ? 'pelapor' : addedBy === 'staff' ? 'petugas' : addedBy}, ${at}`,
    clipped: 'dipotong; lihat ekspor JSON', deletedUnit: 'unit yang sudah dihapus', formerStaff: 'pegawai yang tidak lagi terdaftar',
    exported: (by, at, sequence, registerNumber) => `Diekspor oleh ${by} pada ${at}; tercatat sebagai peristiwa #${sequence} pengaduan ${registerNumber}`,
    page: (page, pages) => `Halaman ${page} dari ${pages}`,
  },
  describe: (event, names) => {
    switch (event.type) {
      case 'complaint.submitted': return 'Pengaduan diterima';
      case 'reporter.attachment_added': return `Pelapor menambahkan lampiran ${event.data.fileName}`;
      case 'reporter.message_added': return `Pelapor mengirim pesan${quoted(event.data.text)}`;
      case 'complaint.intake_recorded': return 'Pengaduan dicatat oleh petugas layanan';
      case 'case.verified': return `Diverifikasi: ${id.verification[event.data.result]}${quoted(event.data.note)}`;
      case 'case.info_requested': return `Pelapor diminta melengkapi informasi${quoted(event.data.message)}`;
      case 'reporter.answered': return `Pelapor melengkapi informasi${quoted(event.data.text)}`;
      case 'case.rejected': return `Ditolak karena ${id.rejection[event.data.reason]}${quoted(event.data.message)}`;
      case 'case.triaged':
        return `Diklasifikasikan: kategori ${names.category(event.data.categoryCode)}, prioritas ${id.priorities[event.data.priority]} ` +
          `(urgensi ${event.data.urgency}, dampak ${event.data.impact})${event.data.isWhistleblowing ? ', pelaporan pelanggaran (whistleblowing)' : ''}`;
      case 'case.concerned_staff_named': return `Pegawai yang diadukan dicatat: ${event.data.staffIds.map(names.staff).join(', ')}`;
      case 'case.assigned':
        return `Didisposisikan ke ${names.unit(event.data.unitId)}${event.data.handlerId === null ? '' : `, penangan ${names.staff(event.data.handlerId)}`}${quoted(event.data.instructions)}`;
      case 'case.started': return `Mulai ditangani oleh ${names.staff(event.data.handlerId)}`;
      case 'case.note_added': return `Catatan internal${quoted(event.data.text)}`;
      case 'case.reporter_messaged': return `Pesan kepada pelapor${quoted(event.data.text)}`;
      case 'response.drafted': return `Rancangan tanggapan ke-${event.data.draftNumber} disusun oleh ${names.staff(event.data.drafterId)}: ${id.findings[event.data.finding]}`;
      case 'response.submitted_for_approval': return `Rancangan tanggapan ke-${event.data.draftNumber} diajukan untuk disetujui (${event.data.chain.length} tingkat)`;
      case 'response.approval_level_skipped': return `Persetujuan tingkat ${event.data.level + 1} dilewati karena benturan kepentingan`;
      case 'response.approved': return `Disetujui pada tingkat ${event.data.level + 1} oleh ${names.staff(event.data.approverId)}${quoted(event.data.note)}`;
      case 'response.returned': return `Dikembalikan dari tingkat ${event.data.level + 1} untuk diperbaiki${quoted(event.data.corrections)}`;
      case 'response.sent': return `Tanggapan dikirim kepada pelapor: pengaduan ${id.findings[event.data.finding]}`;
      case 'corrective_action.added': return `Tindakan perbaikan ditetapkan: ${event.data.description} (penanggung jawab ${names.staff(event.data.ownerId)}, batas ${day('id-ID', event.data.dueOn)})`;
      case 'corrective_action.completed': return `Tindakan perbaikan selesai${quoted(event.data.evidence)}`;
      case 'case.resolved_at_desk': return `Diselesaikan langsung di loket${quoted(event.data.answer)}`;
      case 'reporter.rated': return `Pelapor memberi penilaian ${event.data.rating} dari 5${quoted(event.data.comment)}`;
      case 'case.closed': return `Ditutup${quoted(event.data.note)}`;
      case 'case.appealed': return `Pelapor mengajukan keberatan; dialihkan dari ${names.unit(event.data.fromUnitId)} ke ${names.unit(event.data.toUnitId)}${quoted(event.data.reasons)}`;
      case 'case.referred': return event.data.to.kind === 'unit' ? `Dirujuk ke ${names.unit(event.data.to.unitId)}` : `Dirujuk ke ${event.data.to.agency}${quoted(event.data.to.note)}`;
      case 'case.merged': return `Digabungkan ke pengaduan ${event.data.intoRegisterNumber}`;
      case 'case.withdrawn': return `Dicabut oleh pelapor${quoted(event.data.reason)}`;
      case 'identity.unsealed': return `Identitas pelapor dibuka${quoted(event.data.reason)}`;
      case 'case.published': return 'Dipublikasikan di register publik';
      case 'case.unpublished': return `Ditarik dari register publik${quoted(event.data.reason)}`;
      case 'case.exported': return `Berkas diekspor (${event.data.format.toUpperCase()}${event.data.includesIdentity ? ', dengan identitas pelapor' : ''})`;
      default: return `Peristiwa lain (${otherEvent(event)})`;
    }
  },
};

const en: DossierWording = {
  intl: 'en-GB',
  channels: {
    web: 'Website', email: 'Email', whatsapp: 'WhatsApp', sms: 'SMS', letter: 'Letter', suggestion_box: 'Suggestion box',
    walk_in: 'In person', phone: 'Phone', social_media: 'Social media', referral: 'Referred by another agency',
  },
  findings: { substantiated: 'substantiated', partly_substantiated: 'partly substantiated', unsubstantiated: 'unsubstantiated', undeterminable: 'undeterminable' },
  priorities: { low: 'low', medium: 'medium', high: 'high' },
  verification: { indicated: 'there are indications it is true', not_indicated: 'no indication it is true' },
  rejection: { out_of_scope: 'it is outside our remit', insufficient_information: 'there is not enough information', duplicate: 'it is a duplicate', other: 'another reason' },
  modes: { identified: 'Identified', confidential: 'Confidential (identity sealed)', anonymous: 'Anonymous' },
  statuses: {
    ...(Object.fromEntries(Object.entries(statusLabels).map(([status, label]) => [status, label.en])) as Record<ComplaintStatus, string>),
    // The shared label speaks to the reporter ("from you"); the file is read by staff.
    needs_info: 'Waiting for information from the reporter',
  },
  labels: {
    fileTitle: 'COMPLAINT FILE', registerNumber: (number) => `Register number ${number}`, confidential: 'CONFIDENTIAL', documentTitle: (number) => `Complaint file ${number}`,
    complaint: 'Complaint', title: 'Title', status: 'Status', channel: 'Channel', category: 'Category', priority: 'Priority', whistleblowing: 'Whistleblowing', yes: 'Yes', no: 'No',
    unit: 'Unit', handler: 'Handler', receivedAt: 'Received', recordedAt: 'Recorded', responseDue: 'Response due', completeness: '5W1H completeness',
    reporter: 'Reporter', identityMode: 'Identity', pseudonym: 'Pseudonym', name: 'Name', nik: 'NIK (ID number)', email: 'Email', phone: 'Phone', address: 'Address',
    identityWithheld: "The reporter's identity is not included in this file.",
    description: 'Description', what: 'What', where: 'Where', when: 'When', who: 'Who', how: 'How', why: 'Why',
    draft: (number) => `Draft response ${number}`, finding: 'Finding', approval: 'Approval level', approvalLevel: (level, levels) => `${level} of ${levels}`,
    correctiveActions: 'Corrective actions', done: 'done', ongoing: 'in progress', due: (date) => `due ${date}`,
    history: 'History', theReporter: 'the reporter', theSystem: 'the system', staffNumber: (staffId) => `staff #${staffId}`,
    attachments: 'Attachments', noAttachments: 'No attachments.',
    attachment: (mediaType, size, addedBy, at) => `${mediaType}, ${size} bytes, added by ${addedBy === 'reporter' ? 'the reporter' : addedBy === 'staff' ? 'staff' : addedBy}, ${at}`,
    clipped: 'cut short; see the JSON export', deletedUnit: 'a unit since deleted', formerStaff: 'a former staff member',
    exported: (by, at, sequence, registerNumber) => `Exported by ${by} on ${at}; recorded as event #${sequence} of complaint ${registerNumber}`,
    page: (page, pages) => `Page ${page} of ${pages}`,
  },
  describe: (event, names) => {
    switch (event.type) {
      case 'complaint.submitted': return 'Complaint received';
      case 'reporter.attachment_added': return `The reporter added the attachment ${event.data.fileName}`;
      case 'reporter.message_added': return `The reporter sent a message${quoted(event.data.text)}`;
      case 'complaint.intake_recorded': return 'Complaint recorded by an intake officer';
      case 'case.verified': return `Verified: ${en.verification[event.data.result]}${quoted(event.data.note)}`;
      case 'case.info_requested': return `The reporter was asked for more information${quoted(event.data.message)}`;
      case 'reporter.answered': return `The reporter gave more information${quoted(event.data.text)}`;
      case 'case.rejected': return `Rejected because ${en.rejection[event.data.reason]}${quoted(event.data.message)}`;
      case 'case.triaged':
        return `Classified: category ${names.category(event.data.categoryCode)}, priority ${en.priorities[event.data.priority]} ` +
          `(urgency ${event.data.urgency}, impact ${event.data.impact})${event.data.isWhistleblowing ? ', whistleblowing report' : ''}`;
      case 'case.concerned_staff_named': return `Staff the complaint concerns recorded: ${event.data.staffIds.map(names.staff).join(', ')}`;
      case 'case.assigned':
        return `Assigned to ${names.unit(event.data.unitId)}${event.data.handlerId === null ? '' : `, handler ${names.staff(event.data.handlerId)}`}${quoted(event.data.instructions)}`;
      case 'case.started': return `Handling started by ${names.staff(event.data.handlerId)}`;
      case 'case.note_added': return `Internal note${quoted(event.data.text)}`;
      case 'case.reporter_messaged': return `Message to the reporter${quoted(event.data.text)}`;
      case 'response.drafted': return `Draft response ${event.data.draftNumber} written by ${names.staff(event.data.drafterId)}: ${en.findings[event.data.finding]}`;
      case 'response.submitted_for_approval': return `Draft response ${event.data.draftNumber} submitted for approval (${event.data.chain.length} ${event.data.chain.length === 1 ? 'level' : 'levels'})`;
      case 'response.approval_level_skipped': return `Approval at level ${event.data.level + 1} skipped for a conflict of interest`;
      case 'response.approved': return `Approved at level ${event.data.level + 1} by ${names.staff(event.data.approverId)}${quoted(event.data.note)}`;
      case 'response.returned': return `Returned from level ${event.data.level + 1} for corrections${quoted(event.data.corrections)}`;
      case 'response.sent': return `Response sent to the reporter: complaint ${en.findings[event.data.finding]}`;
      case 'corrective_action.added': return `Corrective action set: ${event.data.description} (owner ${names.staff(event.data.ownerId)}, due ${day('en-GB', event.data.dueOn)})`;
      case 'corrective_action.completed': return `Corrective action completed${quoted(event.data.evidence)}`;
      case 'case.resolved_at_desk': return `Resolved at the desk${quoted(event.data.answer)}`;
      case 'reporter.rated': return `The reporter rated it ${event.data.rating} out of 5${quoted(event.data.comment)}`;
      case 'case.closed': return `Closed${quoted(event.data.note)}`;
      case 'case.appealed': return `The reporter appealed; moved from ${names.unit(event.data.fromUnitId)} to ${names.unit(event.data.toUnitId)}${quoted(event.data.reasons)}`;
      case 'case.referred': return event.data.to.kind === 'unit' ? `Referred to ${names.unit(event.data.to.unitId)}` : `Referred to ${event.data.to.agency}${quoted(event.data.to.note)}`;
      case 'case.merged': return `Merged into complaint ${event.data.intoRegisterNumber}`;
      case 'case.withdrawn': return `Withdrawn by the reporter${quoted(event.data.reason)}`;
      case 'identity.unsealed': return `The reporter's identity was unsealed${quoted(event.data.reason)}`;
      case 'case.published': return 'Published in the public register';
      case 'case.unpublished': return `Withdrawn from the public register${quoted(event.data.reason)}`;
      case 'case.exported': return `File exported (${event.data.format.toUpperCase()}${event.data.includesIdentity ? ", with the reporter's identity" : ''})`;
      default: return `Other event (${otherEvent(event)})`;
    }
  },
};

export const dossierWording: Record<Locale, DossierWording> = { id, en };

