import type { DomainErrorCode } from '../domain/domain-error.js';
import type { Locale } from './locale.js';

type Catalogue = { titles: Record<DomainErrorCode | 'request.too_large' | 'request.unsupported_media_type' | 'request.rate_limited' | 'request.not_found' | 'server.error' | 'server.unavailable', string>; fields: Record<string, string> };

/** Problem titles and field messages. English mirrors Indonesian key for key (the type checks it). */
const id: Catalogue = {
  titles: {
    'request.invalid': 'Ada isian yang perlu diperbaiki',
    'request.too_large': 'Permintaan atau berkas terlalu besar',
    'request.unsupported_media_type': 'Jenis isi permintaan tidak didukung',
    'request.rate_limited': 'Terlalu banyak permintaan; coba lagi nanti',
    'request.not_found': 'Alamat tidak ditemukan',
    'intake.channel_requires_staff': 'Saluran ini hanya dapat dicatat oleh petugas',
    'intake.unknown_category': 'Kategori tidak dikenal',
    'intake.identity_incomplete': 'Identitas pelapor belum lengkap',
    'attachment.too_large': 'Lampiran melebihi 10 MB',
    'attachment.type_not_allowed': 'Jenis lampiran tidak diterima',
    'attachment.too_many': 'Terlalu banyak lampiran',
    'tracking.not_found': 'Nomor register atau kode pelacakan tidak cocok',
    'tracking.too_many_attempts': 'Terlalu banyak percobaan yang salah; coba lagi nanti',
    'reporter.token_invalid': 'Sesi pelacakan tidak berlaku atau sudah habis; masukkan kembali nomor register dan kode pelacakan',
    'complaint.not_found': 'Pengaduan tidak ditemukan',
    'complaint.is_final': 'Pengaduan ini sudah selesai dan tidak dapat ditambah lagi',
    'register_number.invalid': 'Nomor register tidak valid',
    'tracking_code.invalid': 'Kode pelacakan tidak valid',
    'workflow.forbidden': 'Peran Anda tidak mengizinkan tindakan ini',
    'workflow.action_not_allowed': 'Tindakan ini tidak dapat dilakukan pada status pengaduan sekarang',
    'server.error': 'Terjadi kesalahan pada server',
    'server.unavailable': 'Layanan sedang tidak tersedia',
  },
  fields: {
    required: 'Wajib diisi',
    additionalProperties: 'Isian "{name}" tidak dikenal',
    maxLength: 'Paling banyak {limit} karakter',
    minLength: 'Paling sedikit {limit} karakter',
    maxItems: 'Paling banyak {limit} butir',
    minimum: 'Paling kecil {limit}',
    maximum: 'Paling besar {limit}',
    type: 'Jenis nilai salah (harus {type})',
    enum: 'Pilih salah satu: {allowed}',
    const: 'Nilai tidak valid',
    format: 'Format tidak valid ({format})',
    pattern: 'Format tidak valid',
    anyOf: 'Nilai tidak sesuai',
    oneOf: 'Nilai tidak sesuai',
    nik: 'NIK harus 16 angka',
    contact_required: 'Isi surel, nomor telepon atau alamat agar kami dapat menjawab',
    channel_requires_staff: 'Pengaduan dari masyarakat hanya melalui saluran web',
    unknown_category: 'Kategori tidak dikenal',
    in_future: 'Tanggal diterima tidak boleh di masa depan',
    anonymous_identity_document: 'Pelapor anonim tidak melampirkan dokumen identitas',
    attachment_type: 'Jenis berkas "{fileName}" tidak diterima',
    attachment_size: 'Berkas "{fileName}" melebihi 10 MB',
    invalid_json: 'Bagian "complaint" bukan JSON yang valid',
  },
};

const en: Catalogue = {
  titles: {
    'request.invalid': 'Some fields need correcting',
    'request.too_large': 'The request or a file is too large',
    'request.unsupported_media_type': 'Unsupported content type',
    'request.rate_limited': 'Too many requests; try again later',
    'request.not_found': 'Not found',
    'intake.channel_requires_staff': 'Only staff can record complaints from this channel',
    'intake.unknown_category': 'Unknown category',
    'intake.identity_incomplete': 'The reporter identity is incomplete',
    'attachment.too_large': 'An attachment is larger than 10 MB',
    'attachment.type_not_allowed': 'This type of attachment is not accepted',
    'attachment.too_many': 'Too many attachments',
    'tracking.not_found': 'The register number or tracking code does not match',
    'tracking.too_many_attempts': 'Too many wrong attempts; try again later',
    'reporter.token_invalid': 'Your tracking session is invalid or has expired; enter the register number and tracking code again',
    'complaint.not_found': 'Complaint not found',
    'complaint.is_final': 'This complaint is finished and can no longer be added to',
    'register_number.invalid': 'Invalid register number',
    'tracking_code.invalid': 'Invalid tracking code',
    'workflow.forbidden': 'Your roles do not allow this action',
    'workflow.action_not_allowed': 'This action is not possible in the complaint\'s current state',
    'server.error': 'Something went wrong on the server',
    'server.unavailable': 'The service is unavailable',
  },
  fields: {
    required: 'Required',
    additionalProperties: 'Unknown field "{name}"',
    maxLength: 'At most {limit} characters',
    minLength: 'At least {limit} characters',
    maxItems: 'At most {limit} items',
    minimum: 'At least {limit}',
    maximum: 'At most {limit}',
    type: 'Wrong type (must be {type})',
    enum: 'Choose one of: {allowed}',
    const: 'Invalid value',
    format: 'Invalid format ({format})',
    pattern: 'Invalid format',
    anyOf: 'Invalid value',
    oneOf: 'Invalid value',
    nik: 'A NIK has 16 digits',
    contact_required: 'Give an email, a phone number or an address so that we can answer',
    channel_requires_staff: 'The public can only submit through the web channel',
    unknown_category: 'Unknown category',
    in_future: 'The date received cannot be in the future',
    anonymous_identity_document: 'An anonymous reporter does not attach identity documents',
    attachment_type: 'Files like "{fileName}" are not accepted',
    attachment_size: 'The file "{fileName}" is larger than 10 MB',
    invalid_json: 'The "complaint" part is not valid JSON',
  },
};

const catalogues: Record<Locale, Catalogue> = { id, en };

export type ProblemTitleKey = keyof Catalogue['titles'];

export function problemTitle(locale: Locale, code: ProblemTitleKey): string {
  return catalogues[locale].titles[code];
}

export function fieldMessage(locale: Locale, code: string, params: Record<string, string | number> = {}): string {
  const template = catalogues[locale].fields[code] ?? catalogues[locale].fields.anyOf ?? code;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}
