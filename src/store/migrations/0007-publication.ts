import { sql, type Kysely } from 'kysely';

/**
 * The public register: a reporter may allow, on the form, that their complaint be published
 * once resolved (default no); staff then publish a redacted summary they write, and may
 * withdraw it. The consent is part of what was submitted, so the freeze covers it.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table complaints
      add column allow_publication boolean not null default false,
      add column published_summary text,
      add column published_at timestamptz;

    create or replace function complaints_refuse_content_change() returns trigger language plpgsql as $$
    begin
      if new.register_number is distinct from old.register_number
        or new.tracking_code_hash is distinct from old.tracking_code_hash
        or new.channel is distinct from old.channel
        or new.identity_mode is distinct from old.identity_mode
        or new.identity_sealed is distinct from old.identity_sealed
        or new.title is distinct from old.title
        or new.description is distinct from old.description
        or new.facts is distinct from old.facts
        or new.location_lat is distinct from old.location_lat
        or new.location_lon is distinct from old.location_lon
        or new.received_at is distinct from old.received_at
        or new.submitted_at is distinct from old.submitted_at
        or new.allow_publication is distinct from old.allow_publication then
        raise exception 'submitted complaint content is never edited (complaint %)', old.id;
      end if;
      return new;
    end;
    $$;

    -- The public register lists published cases newest first.
    create index complaints_published_idx on complaints (published_at desc, id) where published_at is not null;
  `.execute(db);
}
