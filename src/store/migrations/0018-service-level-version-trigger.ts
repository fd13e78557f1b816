import { sql, type Kysely } from 'kysely';

/**
 * The service-level version (`settings` key `service_level_version`, read by
 * src/store/service-level-settings.ts) is bumped by triggers, as migration 0011 does for the
 * organisation version: in the transaction of any change to holidays, policies or the
 * service-level settings row, so no path that writes them (the API, a seed, a hand-made fix)
 * can forget to. Processes keep calendars and policies in memory and compare this number.
 *
 * On `settings` the trigger is per row and only for the settings row: the bump writes the
 * version row of the same table, which its WHEN clause leaves alone, so it does not recurse.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create function bump_service_level_version() returns trigger language plpgsql as $$
    begin
      insert into settings (key, value, updated_at) values ('service_level_version', '1', now())
      on conflict (key) do update set value = to_jsonb(settings.value::text::bigint + 1), updated_at = now();
      return null;
    end $$;

    create trigger holidays_bump_service_level_version after insert or update or delete or truncate on holidays
      for each statement execute function bump_service_level_version();
    create trigger service_level_policies_bump_service_level_version after insert or update or delete or truncate on service_level_policies
      for each statement execute function bump_service_level_version();
    create trigger settings_write_bumps_service_level_version after insert or update on settings
      for each row when (new.key = 'service_level_settings') execute function bump_service_level_version();
    create trigger settings_delete_bumps_service_level_version after delete on settings
      for each row when (old.key = 'service_level_settings') execute function bump_service_level_version();
  `.execute(db);
}
