import type { Finding } from '../../domain/workflow/workflow-values.js';
import { indonesianNumberWords } from './indonesian-number-words.js';

export type LetterLocale = 'id' | 'en';

/** The fixed words of a response letter in one language; the layout is the same for both. */
export interface ResponseLetterWording {
  numberLabel: string;
  classificationLabel: string;
  classification: (confidential: boolean) => string;
  attachmentLabel: string;
  noAttachment: string;
  subjectLabel: string;
  subject: (registerNumber: string) => string;
  addresseeNamed: (name: string) => string;
  addresseeWithoutIdentity: (registerNumber: string) => string;
  atPlace: string;
  salutation: (name: string | undefined) => string;
  opening: (registerNumber: string, receivedOn: string) => string;
  /** The finding sentence in three parts so the finding itself can be set in bold. */
  finding: (finding: Finding) => [before: string, phrase: string, after: string];
  correctiveActionsIntro: string;
  dueOn: (date: string) => string;
  appeal: (days: number, registerNumber: string, trackingPageUrl: string) => string;
  closing: string;
  signedElectronically: string;
  notSignedElectronically: string;
  verifyHint: string;
  verificationCodeLabel: string;
  phoneLabel: string;
  emailLabel: string;
  websiteLabel: string;
  approvalTrail: string;
  approvedOn: (dateTime: string) => string;
  footerRegister: (registerNumber: string) => string;
  page: (page: number, of: number) => string;
  intlLocale: string;
}

const indonesianFindings: Record<Finding, [string, string, string]> = {
  substantiated: ['Berdasarkan hasil pemeriksaan, pengaduan Saudara dinyatakan ', 'terbukti', '.'],
  partly_substantiated: ['Berdasarkan hasil pemeriksaan, pengaduan Saudara dinyatakan ', 'terbukti sebagian', '.'],
  unsubstantiated: ['Berdasarkan hasil pemeriksaan, pengaduan Saudara dinyatakan ', 'tidak terbukti', '.'],
  undeterminable: ['Berdasarkan hasil pemeriksaan, kebenaran pengaduan Saudara ', 'tidak dapat ditentukan', '.'],
};

const englishFindings: Record<Finding, [string, string, string]> = {
  substantiated: ['Having examined your complaint, we find it ', 'substantiated', '.'],
  partly_substantiated: ['Having examined your complaint, we find it ', 'partly substantiated', '.'],
  unsubstantiated: ['Having examined your complaint, we find it ', 'not substantiated', '.'],
  undeterminable: ['Having examined your complaint, we ', 'could not determine', ' whether it is substantiated.'],
};

const indonesian: ResponseLetterWording = {
  numberLabel: 'Nomor',
  classificationLabel: 'Sifat',
  classification: (confidential) => (confidential ? 'Rahasia' : 'Biasa'),
  attachmentLabel: 'Lampiran',
  noAttachment: '-',
  subjectLabel: 'Perihal',
  subject: (registerNumber) => `Tanggapan atas Pengaduan Nomor Register ${registerNumber}`,
  addresseeNamed: (name) => `Yth. Sdr. ${name}`,
  addresseeWithoutIdentity: (registerNumber) => `Yth. Pelapor pengaduan nomor register ${registerNumber}`,
  atPlace: 'di tempat',
  salutation: () => 'Dengan hormat,',
  opening: (registerNumber, receivedOn) =>
    `Terima kasih atas pengaduan Saudara yang kami terima pada tanggal ${receivedOn} dengan nomor register ` +
    `${registerNumber}. Pengaduan tersebut telah kami periksa, dan dengan ini kami sampaikan tanggapan sebagai berikut.`,
  finding: (finding) => indonesianFindings[finding],
  correctiveActionsIntro: 'Sebagai tindak lanjut, kami melakukan langkah perbaikan berikut:',
  dueOn: (date) => `(target selesai ${date})`,
  appeal: (days, registerNumber, url) =>
    `Apabila Saudara tidak puas dengan tanggapan ini, Saudara dapat mengajukan keberatan dalam waktu ` +
    `${days} (${indonesianNumberWords(days)}) hari sejak tanggal surat ini dengan menggunakan nomor register ` +
    `${registerNumber} dan kode pelacakan Saudara melalui laman ${url}.`,
  closing: 'Demikian kami sampaikan. Atas perhatian dan kepercayaan Saudara, kami ucapkan terima kasih.',
  signedElectronically: 'Ditandatangani secara elektronik',
  notSignedElectronically: 'Dokumen ini tidak ditandatangani secara elektronik',
  verifyHint: 'Keaslian surat ini dapat diperiksa dengan memindai kode QR atau membuka',
  verificationCodeLabel: 'Kode verifikasi:',
  phoneLabel: 'Telepon',
  emailLabel: 'Surel',
  websiteLabel: 'Laman',
  approvalTrail: 'Jejak persetujuan:',
  approvedOn: (dateTime) => `disetujui ${dateTime}`,
  footerRegister: (registerNumber) => `Nomor register ${registerNumber}`,
  page: (page, of) => `Halaman ${page} dari ${of}`,
  intlLocale: 'id-ID',
};

const english: ResponseLetterWording = {
  numberLabel: 'Number',
  classificationLabel: 'Classification',
  classification: (confidential) => (confidential ? 'Confidential' : 'Ordinary'),
  attachmentLabel: 'Attachment',
  noAttachment: '-',
  subjectLabel: 'Subject',
  subject: (registerNumber) => `Response to Complaint Register Number ${registerNumber}`,
  addresseeNamed: (name) => `To: ${name}`,
  addresseeWithoutIdentity: (registerNumber) => `To: the reporter of complaint register number ${registerNumber}`,
  atPlace: '',
  salutation: (name) => (name ? `Dear ${name},` : 'Dear Sir or Madam,'),
  opening: (registerNumber, receivedOn) =>
    `Thank you for your complaint, which we received on ${receivedOn} under register number ${registerNumber}. ` +
    'We have examined it and respond as follows.',
  finding: (finding) => englishFindings[finding],
  correctiveActionsIntro: 'As a result, we are taking the following corrective actions:',
  dueOn: (date) => `(due ${date})`,
  appeal: (days, registerNumber, url) =>
    `If you are not satisfied with this response, you may appeal within ${days} days of the date of this letter ` +
    `using register number ${registerNumber} and your tracking code at ${url}.`,
  closing: 'Thank you for your attention and for your trust.',
  signedElectronically: 'Signed electronically',
  notSignedElectronically: 'This document is not signed electronically',
  verifyHint: 'Check that this letter is genuine by scanning the QR code or opening',
  verificationCodeLabel: 'Verification code:',
  phoneLabel: 'Telephone',
  emailLabel: 'Email',
  websiteLabel: 'Website',
  approvalTrail: 'Approval trail:',
  approvedOn: (dateTime) => `approved ${dateTime}`,
  footerRegister: (registerNumber) => `Register number ${registerNumber}`,
  page: (page, of) => `Page ${page} of ${of}`,
  intlLocale: 'en-GB',
};

export function responseLetterWording(locale: LetterLocale): ResponseLetterWording {
  return locale === 'en' ? english : indonesian;
}
