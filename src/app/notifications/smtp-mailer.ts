import nodemailer from 'nodemailer';
import type { Mailer } from './mailer.js';

export interface SmtpSettings {
  host: string;
  port: number;
  /** true: TLS from the first byte (port 465); false: STARTTLS when the server offers it. */
  secure: boolean;
  user: string | undefined;
  password: string | undefined;
  from: string;
}

/** A mailer over one pooled SMTP connection set; timeouts keep a dead server from holding the relay. */
export function createSmtpMailer(settings: SmtpSettings, options: { timeoutMs?: number } = {}): Mailer {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const transport = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    ...(settings.user !== undefined ? { auth: { user: settings.user, pass: settings.password ?? '' } } : {}),
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    pool: true,
    maxConnections: 2,
  });
  return {
    isEnabled: true,
    send: async (mail) => {
      await transport.sendMail({ from: settings.from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html });
      return 'sent';
    },
    close: () => transport.close(),
  };
}
