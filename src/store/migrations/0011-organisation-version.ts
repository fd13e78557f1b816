import { sql, type Kysely } from 'kysely';

/**
 * A number that changes with every change to units or teams, kept in `settings` under
 * `organisation_version`. App nodes keep each viewer's place in the unit tree in memory and
 * check this one row to know whether it still holds. A trigger bumps it, in the transaction
 * of the change, so no path that writes units or teams (the API, a seed, a hand-made fix)
 * can forget to.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create function bump_organisation_version() returns trigger language plpgsql as $$
    begin
      insert into settings (key, value, updated_at) values ('organisation_version', '1', now())
      on conflict (key) do update set value = to_jsonb(settings.value::text::bigint + 1), updated_at = now();
      return null;
    end $$;

    create trigger units_bump_organisation_version after insert or update or delete or truncate on units
      for each statement execute function bump_organisation_version();
    create trigger teams_bump_organisation_version after insert or update or delete or truncate on teams
      for each statement execute function bump_organisation_version();

    insert into settings (key, value, updated_at) values ('organisation_version', '1', now())
    on conflict (key) do nothing;
  `.execute(db);
}
