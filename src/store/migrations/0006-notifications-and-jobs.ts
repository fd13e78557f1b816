import { sql, type Kysely } from 'kysely';

// Migrations are frozen in time: they must not follow later changes of the typed schema,
// so they take an untyped Kysely.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    -- How a message left: sent, mail_off (no mail server configured), no_address (the
    -- recipient gave none), or failed (gave up after the last attempt; last_error says why).
    -- Null while it is still to be delivered.
    alter table outbox add column outcome text;
    drop index outbox_pending_idx;
    create index outbox_pending_idx on outbox (next_attempt_at) where sent_at is null and outcome is null;
    create index outbox_failed_idx on outbox (created_at) where outcome = 'failed';

    -- The in-app list of a staff member's notifications. One per outbox message at most, so
    -- that a relay that claims a message twice (a crash between claim and mark) lists it once.
    create table notifications (
      id bigserial constraint notifications_pkey primary key,
      user_id bigint not null constraint notifications_user_id_fkey references users (id),
      complaint_id uuid constraint notifications_complaint_id_fkey references complaints (id),
      outbox_id bigint constraint notifications_outbox_id_key unique constraint notifications_outbox_id_fkey references outbox (id),
      template text not null,
      data jsonb not null default '{}',
      created_at timestamptz not null,
      read_at timestamptz
    );
    create index notifications_user_created_idx on notifications (user_id, created_at desc, id desc);
  `.execute(db);
}
