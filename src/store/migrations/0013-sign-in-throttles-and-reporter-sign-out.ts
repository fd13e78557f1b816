import { sql, type Kysely } from 'kysely';

/**
 * Failed sign-ins are throttled per (account, client address) and per address, in the
 * database so the limit holds whichever app node an attempt reaches. A row is named by a
 * keyed hash of what it counts: no address is stored, and the row goes once the pair
 * signs in or its failures are old.
 *
 * A reporter's tracking token names its case and a generation; signing out moves the case's
 * generation on, so every token issued before (on any device, page or API) stops working.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table sign_in_throttles (
      key_tag text primary key,
      failures integer not null,
      blocked_until timestamptz,
      last_failed_at timestamptz not null
    )`.execute(db);
  await sql`create index sign_in_throttles_last_failed_at_idx on sign_in_throttles (last_failed_at)`.execute(db);
  await sql`
    create table reporter_token_generations (
      complaint_id uuid primary key references complaints (id) on delete cascade,
      generation integer not null
    )`.execute(db);
}
