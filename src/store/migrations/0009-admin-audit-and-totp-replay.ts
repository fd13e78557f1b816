import { sql, type Kysely } from 'kysely';

/**
 * Two gaps of case handling closed:
 * - a TOTP code works once: the last accepted 30-second step is kept per account, and a
 *   sign-in is accepted only with a later step (RFC 6238 §5.2);
 * - administration leaves an audit trail: every change to units, staff, teams, categories and
 *   settings (and staff actions that touch no single case, such as an inbox export) is an
 *   append-only, hash-chained entry, as case events are for cases.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table users add column totp_last_time_step bigint;

    -- One chain for the whole installation: entry n stores the hash of entry n - 1.
    -- actor_id is null when the system acted (start-up, a migration of data).
    create table admin_audit_events (
      id bigserial constraint admin_audit_events_pkey primary key,
      sequence bigint not null constraint admin_audit_events_sequence_key unique,
      actor_id bigint constraint admin_audit_events_actor_id_fkey references users (id),
      occurred_at timestamptz not null,
      action text not null,
      target_type text,
      target_id text,
      summary jsonb not null,
      prev_hash bytea,
      hash bytea not null
    );
    create index admin_audit_events_target_idx on admin_audit_events (target_type, target_id, sequence);
    create index admin_audit_events_actor_idx on admin_audit_events (actor_id, sequence);

    -- Append-only, as case_events: only someone who can disable triggers can tamper, and the
    -- hash chain shows where.
    create function admin_audit_events_refuse_change() returns trigger language plpgsql as $$
    begin
      raise exception 'admin_audit_events is append-only';
    end;
    $$;
    create trigger admin_audit_events_append_only before update or delete on admin_audit_events
      for each row execute function admin_audit_events_refuse_change();
  `.execute(db);
}
