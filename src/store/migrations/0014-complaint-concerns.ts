import { sql, type Kysely } from 'kysely';

/**
 * Whom the reporter says the complaint concerns, in their own words (issue 10): staff match it
 * to accounts at verification, and the people matched stop seeing the case. It is part of what
 * the reporter submitted, so it is frozen with the rest of the content.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table complaints add column concerns text;
    alter table complaints add constraint complaints_concerns_length check (char_length(concerns) <= 200);
    create function complaints_refuse_concerns_change() returns trigger language plpgsql as $$
    begin
      if new.concerns is distinct from old.concerns then
        raise exception 'submitted complaint content is never edited (complaint %)', old.id;
      end if;
      return new;
    end;
    $$;
    create trigger complaints_concerns_are_frozen before update on complaints
      for each row execute function complaints_refuse_concerns_change();
  `.execute(db);
}
