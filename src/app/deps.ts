import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import type { FileStore } from '../store/files/file-store.js';
import type { Caches } from './caches.js';
import type { Keys } from './keys.js';
import type { Mailer } from './notifications/mailer.js';

export interface Clock {
  now(): Date;
}

export interface Random {
  bytes(count: number): Uint8Array;
  uuid(): string;
}

/** Everything a use case may touch. Tests pass a fixed clock and seeded randomness here. */
export interface AppDeps {
  db: Kysely<Database>;
  clock: Clock;
  random: Random;
  keys: Keys;
  files: FileStore;
  /** The address the public reaches this installation at, printed in letters and mails. */
  publicUrl: string;
  /** Mail leaves only through the outbox relay; the off-mailer when SMTP_HOST is unset. */
  mailer: Mailer;
  /** What the app keeps in memory between requests (caches.ts); one per process. */
  caches: Caches;
}
