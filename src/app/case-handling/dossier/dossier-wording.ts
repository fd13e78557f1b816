import type { CaseEvent } from '../../../domain/case-event.js';
import type { Channel } from '../../../domain/complaint/channel.js';
import type { Finding, Priority, RejectionReason, VerificationResult } from '../../../domain/workflow/workflow-values.js';

/** Names the dossier prints instead of ids: units, staff, categories. */
export interface DossierNames {
  unit: (id: number) => string;
  staff: (id: number) => string;
  category: (code: string) => string;
}

export const channelLabels: Record<Channel, string> = {
  web: 'Situs web', email: 'Surel', whatsapp: 'WhatsApp', sms: 'SMS', letter: 'Surat', suggestion_box: 'Kotak saran',
  walk_in: 'Tatap muka', phone: 'Telepon', social_media: 'Media sosial', referral: 'Rujukan instansi lain',
};

export const findingLabels: Record<Finding, string> = {
  substantiated: 'terbukti', partly_substantiated: 'terbukti sebagian', unsubstantiated: 'tidak terbukti', undeterminable: 'tidak dapat ditentukan',
};

export const priorityLabels: Record<Priority, string> = { low: 'rendah', medium: 'sedang', high: 'tinggi' };

const verificationLabels: Record<VerificationResult, string> = { indicated: 'ada indikasi kebenaran', not_indicated: 'tidak ada indikasi kebenaran' };

const rejectionLabels: Record<RejectionReason, string> = {
  out_of_scope: 'di luar kewenangan', insufficient_information: 'informasi tidak cukup', duplicate: 'duplikat', other: 'alasan lain',
};

const quoted = (value: string | null | undefined): string => (value ? ` — “${value}”` : '');

/**
 * One timeline entry as a sentence a clerk reads, e.g. "Diverifikasi: ada indikasi kebenaran".
 * The actor and time are printed beside it; ids become names.
 */
export function describeCaseEvent(event: CaseEvent, names: DossierNames): string {
  switch (event.type) {
    case 'complaint.submitted': return 'Pengaduan diterima';
    case 'reporter.attachment_added': return `Pelapor menambahkan lampiran ${event.data.fileName}`;
    case 'reporter.message_added': return `Pelapor mengirim pesan${quoted(event.data.text)}`;
    case 'complaint.intake_recorded': return 'Pengaduan dicatat oleh petugas layanan';
    case 'case.verified': return `Diverifikasi: ${verificationLabels[event.data.result]}${quoted(event.data.note)}`;
    case 'case.info_requested': return `Pelapor diminta melengkapi informasi${quoted(event.data.message)}`;
    case 'reporter.answered': return `Pelapor melengkapi informasi${quoted(event.data.text)}`;
    case 'case.rejected': return `Ditolak karena ${rejectionLabels[event.data.reason]}${quoted(event.data.message)}`;
    case 'case.triaged':
      return `Diklasifikasikan: kategori ${names.category(event.data.categoryCode)}, prioritas ${priorityLabels[event.data.priority]} ` +
        `(urgensi ${event.data.urgency}, dampak ${event.data.impact})${event.data.isWhistleblowing ? ', pelaporan pelanggaran (whistleblowing)' : ''}`;
    case 'case.concerned_staff_named': return `Pegawai yang diadukan dicatat: ${event.data.staffIds.map(names.staff).join(', ')}`;
    case 'case.assigned':
      return `Didisposisikan ke ${names.unit(event.data.unitId)}${event.data.handlerId === null ? '' : `, penangan ${names.staff(event.data.handlerId)}`}${quoted(event.data.instructions)}`;
    case 'case.started': return `Mulai ditangani oleh ${names.staff(event.data.handlerId)}`;
    case 'case.note_added': return `Catatan internal${quoted(event.data.text)}`;
    case 'case.reporter_messaged': return `Pesan kepada pelapor${quoted(event.data.text)}`;
    case 'response.drafted': return `Rancangan tanggapan ke-${event.data.draftNumber} disusun oleh ${names.staff(event.data.drafterId)}: ${findingLabels[event.data.finding]}`;
    case 'response.submitted_for_approval': return `Rancangan tanggapan ke-${event.data.draftNumber} diajukan untuk disetujui (${event.data.chain.length} tingkat)`;
    case 'response.approval_level_skipped': return `Persetujuan tingkat ${event.data.level + 1} dilewati karena benturan kepentingan`;
    case 'response.approved': return `Disetujui pada tingkat ${event.data.level + 1} oleh ${names.staff(event.data.approverId)}${quoted(event.data.note)}`;
    case 'response.returned': return `Dikembalikan dari tingkat ${event.data.level + 1} untuk diperbaiki${quoted(event.data.corrections)}`;
    case 'response.sent': return `Tanggapan dikirim kepada pelapor: pengaduan ${findingLabels[event.data.finding]}`;
    case 'corrective_action.added': return `Tindakan perbaikan ditetapkan: ${event.data.description} (penanggung jawab ${names.staff(event.data.ownerId)}, batas ${event.data.dueOn})`;
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
    default: return describeOther(event);
  }
}

/** Events of kinds added later than this wording: named plainly rather than as a code. */
function describeOther(event: { type: string }): string {
  return `Peristiwa lain (${event.type.replace(/[._]/g, ' ')})`;
}
