import type { Keys } from '../../../../app/keys.js';
import type { IdentityMode } from '../../../../domain/complaint/identity.js';

/**
 * What the receipt shows, carried from the form's POST to the receipt page and on to the
 * PDF without the tracking code ever being in a URL (where history, logs and referrers
 * would keep it). It travels sealed (AES-GCM under the server secret): first in a
 * short-lived HttpOnly cookie read once by the receipt page, then in a hidden field of the
 * receipt page's PDF form. The server keeps nothing.
 */
export interface ReceiptTicket {
  /** Random: lets the receipt page refuse a ticket it has shown already. */
  id: string;
  registerNumber: string;
  trackingCode: string;
  /** ISO instant the complaint was received. */
  receivedAt: string;
  identityMode: IdentityMode;
  /** The 5W1H facts left unanswered. */
  missing: string[];
  /** Milliseconds since the epoch after which the ticket is refused. */
  expiresAt: number;
}

export type TicketPurpose = 'flash' | 'pdf';

/** How long each may be used: the redirect is followed at once; the PDF while the page is open. */
export const ticketLifetimeMs: Record<TicketPurpose, number> = { flash: 10 * 60 * 1000, pdf: 30 * 60 * 1000 };

export const receiptCookieName = 'aduan_tanda_terima';
export const receiptPath = '/pengaduan/tanda-terima';

export function sealTicket(keys: Keys, ticket: ReceiptTicket, purpose: TicketPurpose): string {
  return keys.seal(Buffer.from(JSON.stringify(ticket), 'utf8'), `receipt:${purpose}`).toString('base64url');
}

/** The ticket, or undefined if it is missing, tampered with, meant for another purpose or expired. */
export function openTicket(keys: Keys, sealed: unknown, purpose: TicketPurpose, now: Date): ReceiptTicket | undefined {
  if (typeof sealed !== 'string' || sealed === '' || sealed.length > 4096) return undefined;
  try {
    const ticket = JSON.parse(keys.unseal(Buffer.from(sealed, 'base64url'), `receipt:${purpose}`).toString('utf8')) as ReceiptTicket;
    return typeof ticket.expiresAt === 'number' && ticket.expiresAt >= now.getTime() ? ticket : undefined;
  } catch {
    return undefined;
  }
}
