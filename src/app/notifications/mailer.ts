/** One mail, already rendered; the address is known only for the moment it is sent. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** How a mail left: handed to the mail server, or not sent because mail is off. */
export type MailOutcome = 'sent' | 'mail_off';

export interface Mailer {
  readonly isEnabled: boolean;
  /** Resolves once the mail server accepted the mail; rejects when it did not (the relay retries). */
  send(mail: OutgoingMail): Promise<MailOutcome>;
  close(): void;
}

/** Mail is off (SMTP_HOST unset): every message is recorded as `mail_off` and nothing leaves. */
export const offMailer: Mailer = {
  isEnabled: false,
  send: async () => 'mail_off',
  close: () => undefined,
};
