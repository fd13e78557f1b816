import { randomBytes, randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { createCaches } from './app/caches.js';
import type { AppDeps } from './app/deps.js';
import { createKeys } from './app/keys.js';
import { offMailer } from './app/notifications/mailer.js';
import { createSmtpMailer } from './app/notifications/smtp-mailer.js';
import { checkSecretKey } from './app/setup/check-secret-key.js';
import type { Config } from './config.js';
import type { OpenDatabase } from './store/database.js';
import { createDiskFileStore } from './store/files/disk-file-store.js';
import { loadSecretKey } from './store/secret-key.js';

/**
 * The use cases' dependencies over an open, migrated database: the server and the separate
 * worker wire them the same way, so the key check runs before either decrypts anything.
 */
export async function composeDeps(config: Config, database: OpenDatabase, log: Logger): Promise<AppDeps> {
  const secretKey = await loadSecretKey(config.secretKey, config.dataDir);
  if (secretKey.source === 'generated') log.warn({ path: secretKey.path }, 'generated a new server secret key beside the data; see README "The secret key"');
  if (secretKey.source !== 'environment' && database.kind === 'postgresql') {
    log.warn('ADUAN_SECRET_KEY is not set: every app node needs the same key, set it explicitly when running several nodes');
  }
  const keys = createKeys(secretKey.secret);
  await checkSecretKey({ db: database.db, keys });
  if (config.smtp === undefined) log.warn('mail is off: SMTP_HOST is not set, so no mail is sent (each message is recorded as "mail_off")');
  else log.info({ smtpHost: config.smtp.host, smtpPort: config.smtp.port }, 'mail goes out through SMTP');
  return {
    db: database.db,
    clock: { now: () => new Date() },
    random: { bytes: (count) => randomBytes(count), uuid: () => randomUUID() },
    keys,
    files: await createDiskFileStore(config.filesDir),
    publicUrl: config.publicUrl,
    mailer: config.smtp === undefined ? offMailer : createSmtpMailer(config.smtp),
    caches: createCaches(),
  };
}
