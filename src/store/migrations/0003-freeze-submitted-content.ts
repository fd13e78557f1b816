import { sql, type Kysely } from 'kysely';

/**
 * Submitted content is never edited: the reporter adds messages and files, staff add notes,
 * and the original stays as it was received. The database enforces it, so no code path
 * (or hand-written SQL in a hurry) can rewrite what a citizen said.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create function complaints_refuse_content_change() returns trigger language plpgsql as $$
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
        or new.submitted_at is distinct from old.submitted_at then
        raise exception 'submitted complaint content is never edited (complaint %)', old.id;
      end if;
      return new;
    end;
    $$;
    create trigger complaints_content_is_frozen before update on complaints
      for each row execute function complaints_refuse_content_change();
    create trigger complaints_never_deleted before delete on complaints
      for each row execute function case_events_refuse_change();
  `.execute(db);
}
