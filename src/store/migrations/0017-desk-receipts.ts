import { sql, type Kysely } from 'kysely';

/**
 * A receipt an intake officer may fetch once for the reporter at the desk. The row is named
 * by a keyed hash of the one-time token (the token itself is not stored) and holds the
 * receipt sealed under the server key, tracking code and all; fetching it deletes it, and
 * rows past their expiry are removed as new ones are written. In the database rather than
 * in memory, so the link works whichever app node answers it.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table desk_receipts (
      token_tag text primary key,
      staff_user_id integer not null references users (id) on delete cascade,
      sealed bytea not null,
      expires_at timestamptz not null
    )`.execute(db);
  await sql`create index desk_receipts_expires_at_idx on desk_receipts (expires_at)`.execute(db);
}
