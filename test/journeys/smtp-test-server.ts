// A real SMTP server on loopback for the mail journeys: what arrives is parsed with
// mailparser, so tests assert on recipients, subjects and bodies as a mailbox would see them.
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  /** The envelope recipients (RCPT TO). */
  to: string[];
  parsed: ParsedMail;
}

export interface SmtpTestServer {
  port: number;
  mails: ReceivedMail[];
  /** Resolves once at least `count` mails arrived; rejects after `timeoutMs`. */
  waitForMails(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

/** Listens on 127.0.0.1 at `port` (0: any free port); no TLS, no authentication. */
export async function startSmtpTestServer(port = 0): Promise<SmtpTestServer> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream).then((parsed) => {
        mails.push({ to: session.envelope.rcptTo.map((address) => address.address), parsed });
        callback();
      }, (error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolveListening, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolveListening());
  });
  const address = server.server.address();
  const boundPort = typeof address === 'object' && address !== null ? address.port : port;
  return {
    port: boundPort,
    mails,
    waitForMails: async (count, timeoutMs = 10_000) => {
      const deadline = Date.now() + timeoutMs;
      while (mails.length < count) {
        if (Date.now() > deadline) throw new Error(`only ${mails.length} of ${count} mails arrived within ${timeoutMs} ms`);
        await new Promise((resolveDelay) => setTimeout(resolveDelay, 20));
      }
      return mails;
    },
    close: () => new Promise<void>((resolveClosed) => server.close(() => resolveClosed())),
  };
}
