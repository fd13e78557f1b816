import { sql, type Kysely } from 'kysely';

// Migrations are frozen in time: they must not follow later changes of the typed schema,
// so they take an untyped Kysely.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table settings (
      key text constraint settings_pkey primary key,
      value jsonb not null,
      updated_at timestamptz not null default now()
    );

    create table units (
      id bigserial constraint units_pkey primary key,
      code text not null constraint units_code_key unique,
      name text not null,
      parent_id bigint constraint units_parent_id_fkey references units (id),
      time_zone text not null default 'Asia/Jakarta',
      approval_chain jsonb not null default '[]',
      is_active boolean not null default true,
      created_at timestamptz not null default now()
    );

    create table categories (
      id bigserial constraint categories_pkey primary key,
      code text not null constraint categories_code_key unique,
      name_id text not null,
      name_en text not null,
      is_whistleblowing boolean not null default false,
      default_unit_id bigint constraint categories_default_unit_id_fkey references units (id),
      is_active boolean not null default true,
      created_at timestamptz not null default now()
    );

    create table users (
      id bigserial constraint users_pkey primary key,
      email text not null,
      name text not null,
      unit_id bigint not null constraint users_unit_id_fkey references units (id),
      roles text[] not null default '{}',
      password_hash text not null,
      is_active boolean not null default true,
      created_at timestamptz not null default now()
    );
    create unique index users_email_key on users (lower(email));

    -- One row per (prefix, year). Taking a number updates the row inside the submitting
    -- transaction, so the row lock serialises concurrent submitters and a rollback gives
    -- the number back: the sequence has no gaps and no duplicates.
    create table register_counters (
      prefix text not null default '',
      year integer not null,
      last_value integer not null,
      constraint register_counters_pkey primary key (prefix, year)
    );

    create table complaints (
      id uuid constraint complaints_pkey primary key,
      register_number text not null constraint complaints_register_number_key unique,
      tracking_code_hash bytea not null constraint complaints_tracking_code_hash_key unique,
      status text not null,
      channel text not null,
      identity_mode text not null,
      -- AES-256-GCM sealed JSON of the reporter's identity; null for anonymous reporters.
      identity_sealed bytea,
      pseudonym text,
      title text not null,
      description text not null,
      facts jsonb not null,
      category_code text constraint complaints_category_code_fkey references categories (code),
      unit_id bigint not null constraint complaints_unit_id_fkey references units (id),
      location_lat double precision,
      location_lon double precision,
      locale text not null default 'id',
      completeness_score integer not null,
      received_at timestamptz not null,
      submitted_at timestamptz not null,
      updated_at timestamptz not null,
      last_event_sequence integer not null default 0,
      search tsvector generated always as (
        to_tsvector('simple',
          title || ' ' || description || ' ' ||
          coalesce(facts ->> 'what', '') || ' ' || coalesce(facts ->> 'where', '') || ' ' ||
          coalesce(facts ->> 'when', '') || ' ' || coalesce(facts ->> 'who', '') || ' ' ||
          coalesce(facts ->> 'how', '') || ' ' || coalesce(facts ->> 'why', ''))
      ) stored
    );
    create index complaints_search_idx on complaints using gin (search);
    create index complaints_unit_status_idx on complaints (unit_id, status);
    create index complaints_received_at_idx on complaints (received_at);

    create table case_events (
      id bigserial constraint case_events_pkey primary key,
      complaint_id uuid not null constraint case_events_complaint_id_fkey references complaints (id),
      sequence integer not null,
      type text not null,
      actor jsonb not null,
      occurred_at timestamptz not null,
      data jsonb not null,
      prev_hash bytea,
      hash bytea not null,
      constraint case_events_complaint_sequence_key unique (complaint_id, sequence)
    );

    -- The log is append-only: the database refuses to change or remove an event, so only
    -- someone who can disable triggers can tamper, and the hash chain shows where.
    create function case_events_refuse_change() returns trigger language plpgsql as $$
    begin
      raise exception 'case_events is append-only';
    end;
    $$;
    create trigger case_events_append_only before update or delete on case_events
      for each row execute function case_events_refuse_change();

    create table attachments (
      id uuid constraint attachments_pkey primary key,
      complaint_id uuid not null constraint attachments_complaint_id_fkey references complaints (id),
      kind text not null default 'evidence',
      file_name text not null,
      media_type text not null,
      size_bytes bigint not null,
      sha256 text not null,
      storage_key text not null,
      is_encrypted boolean not null default false,
      added_by text not null,
      created_at timestamptz not null
    );
    create index attachments_complaint_id_idx on attachments (complaint_id);

    -- Messages to send, written in the same transaction as the event that causes them.
    -- Rows name their recipient by reference (a complaint or a user id), never by address:
    -- the sender decrypts an address only when it sends.
    create table outbox (
      id bigserial constraint outbox_pkey primary key,
      complaint_id uuid constraint outbox_complaint_id_fkey references complaints (id),
      event_id bigint constraint outbox_event_id_fkey references case_events (id),
      channel text not null,
      recipient jsonb not null,
      template text not null,
      data jsonb not null default '{}',
      created_at timestamptz not null,
      attempts integer not null default 0,
      next_attempt_at timestamptz not null,
      sent_at timestamptz,
      last_error text
    );
    create index outbox_pending_idx on outbox (next_attempt_at) where sent_at is null;
  `.execute(db);
}
