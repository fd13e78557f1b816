import { sql, type Kysely } from 'kysely';

/**
 * Staff sign in (password, optional TOTP, throttled in the database so a lock-out holds on
 * every app node), carry session or API tokens stored only as keyed hashes, and work in
 * teams inside their unit. Units and categories become editable, so they learn when.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table users
      add column totp_secret_sealed bytea,
      add column totp_enabled_at timestamptz,
      add column failed_sign_ins integer not null default 0,
      add column locked_until timestamptz,
      add column updated_at timestamptz;

    alter table units
      add column address text,
      add column updated_at timestamptz;

    alter table categories
      add column updated_at timestamptz;

    create table teams (
      id bigserial constraint teams_pkey primary key,
      unit_id bigint not null constraint teams_unit_id_fkey references units (id),
      code text not null constraint teams_code_key unique,
      name text not null,
      is_integrity_team boolean not null default false,
      is_active boolean not null default true,
      created_at timestamptz not null default now()
    );

    create table team_members (
      team_id bigint not null constraint team_members_team_id_fkey references teams (id),
      user_id bigint not null constraint team_members_user_id_fkey references users (id),
      role text not null constraint team_members_role_check check (role in ('leader', 'investigator', 'analyst', 'administrator')),
      constraint team_members_pkey primary key (team_id, user_id)
    );
    -- "Which teams is this person in?" is asked on every authenticated request.
    create index team_members_user_id_idx on team_members (user_id);

    -- Tokens are stored only as an HMAC of the secret: a copy of the database signs no one in.
    create table staff_tokens (
      id bigserial constraint staff_tokens_pkey primary key,
      user_id bigint not null constraint staff_tokens_user_id_fkey references users (id),
      kind text not null constraint staff_tokens_kind_check check (kind in ('session', 'api')),
      name text,
      token_hash bytea not null constraint staff_tokens_token_hash_key unique,
      created_at timestamptz not null,
      expires_at timestamptz,
      last_used_at timestamptz,
      revoked_at timestamptz
    );
    create index staff_tokens_user_id_idx on staff_tokens (user_id);

    create table recovery_codes (
      user_id bigint not null constraint recovery_codes_user_id_fkey references users (id),
      code_hash bytea not null,
      used_at timestamptz,
      constraint recovery_codes_pkey primary key (user_id, code_hash)
    );
  `.execute(db);
}
