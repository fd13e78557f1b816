import type { IdentityMode } from '../../domain/complaint/identity.js';
import { timeZoneAbbreviation } from '../../domain/service-level/working-calendar.js';
import type { Locale } from '../../i18n/locale.js';

/** What the receipt prints, in the reporter's language: the portal's words, shared with the desk. */
export interface ReceiptWording {
  title: string;
  registerNumber: string;
  trackingCode: string;
  receivedAt: string;
  identity: string;
  modes: Record<IdentityMode, string>;
  warningTitle: string;
  keep: string;
  secret: string;
  facts: Record<string, string>;
  missing: (facts: string) => string;
  trackAt: (url: string) => string;
}

export const receiptWording: Record<Locale, ReceiptWording> = {
  id: {
    title: 'Tanda Terima Pengaduan',
    registerNumber: 'Nomor register',
    trackingCode: 'Kode pelacakan',
    receivedAt: 'Diterima',
    identity: 'Cara melapor',
    modes: { identified: 'Dengan identitas', confidential: 'Rahasia', anonymous: 'Anonim' },
    warningTitle: 'Catat dan rahasiakan kode pelacakan',
    keep: 'Simpan tanda terima ini di tempat yang aman. Kami tidak menyimpan kode pelacakan dalam bentuk yang dapat dibaca, jadi tidak dapat mengirimkannya lagi.',
    secret: 'Siapa pun yang memegang nomor register dan kode pelacakan dapat membaca pengaduan ini. Jangan bagikan kepada siapa pun; petugas kami tidak akan pernah memintanya.',
    facts: { what: 'apa yang terjadi', who: 'siapa yang terlibat', when: 'kapan terjadi', where: 'di mana terjadi', how: 'bagaimana kejadiannya' },
    missing: (facts) => `Anda belum menjawab: ${facts}. Anda dapat menambah keterangan lewat halaman Lacak pengaduan.`,
    trackAt: (url) => `Lacak pengaduan di ${url} dengan nomor register dan kode pelacakan.`,
  },
  en: {
    title: 'Complaint Receipt',
    registerNumber: 'Register number',
    trackingCode: 'Tracking code',
    receivedAt: 'Received',
    identity: 'Reported as',
    modes: { identified: 'With identity', confidential: 'Confidential', anonymous: 'Anonymous' },
    warningTitle: 'Write down the tracking code and keep it secret',
    keep: 'Keep this receipt in a safe place. We do not keep the tracking code in a readable form, so we cannot send it again.',
    secret: 'Anyone who has the register number and the tracking code can read this complaint. Do not share them with anyone; our staff will never ask for them.',
    facts: { what: 'what happened', who: 'who was involved', when: 'when it happened', where: 'where it happened', how: 'how it happened' },
    missing: (facts) => `You have not answered yet: ${facts}. You can add details from the Track a complaint page.`,
    trackAt: (url) => `Track the complaint at ${url} with the register number and tracking code.`,
  },
};

const intlLocale: Record<Locale, string> = { id: 'id-ID', en: 'en-GB' };

/** "13 Maret 2026 09.00 WIB" / "13 March 2026 09:00 WIB", as the clock reads in the unit's zone. */
export function formatReceiptDateTime(locale: Locale, at: Date, timeZone: string): string {
  const date = new Intl.DateTimeFormat(intlLocale[locale], { timeZone, day: 'numeric', month: 'long', year: 'numeric' }).format(at);
  const time = new Intl.DateTimeFormat(intlLocale[locale], { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
  return `${date} ${time} ${timeZoneAbbreviation(timeZone, at)}`;
}
