import { sql, type Kysely } from 'kysely';

/**
 * Service levels kept in the database, where administrators edit them:
 * - `holidays`: the non-working days of the working-day calendar (national holidays,
 *   collective leave, and closures of some units only), seeded with the 2025–2027 list that
 *   src/domain/service-level/indonesian-holidays.ts held when this was written. The list is
 *   copied here, not imported, because a migration must not change when that file does.
 * - `service_level_policies`: deadlines for acknowledgement, verification and response, chosen
 *   per case by channel, category, priority and whistleblowing (null = any; most specific wins).
 * - `case_deadlines`: each case's three deadlines, their due and "due soon" times, pauses,
 *   when met, reminders to come and escalation; indexed for the worker's scans.
 * - `deadline_reminders`: one row per reminder sent (its primary key makes it once only).
 * - `complaints.overdue_since` (the inbox's `overdue` filter) and `complaints.follow_up_at`
 *   (when the worker must next look at a case nobody acts on).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table holidays (
      id bigserial constraint holidays_pkey primary key,
      holiday_on date not null,
      kind text not null constraint holidays_kind_check check (kind in ('national_holiday', 'collective_leave', 'local_holiday')),
      name_id text not null,
      name_en text not null,
      -- Null: every unit of the installation; otherwise this unit and the units below it.
      unit_id bigint constraint holidays_unit_id_fkey references units (id),
      note text,
      is_active boolean not null default true,
      created_at timestamptz not null default now(),
      updated_at timestamptz
    );
    -- One active entry per day and scope: a second would say nothing new and only confuse an edit.
    create unique index holidays_day_scope_key on holidays (holiday_on, coalesce(unit_id, 0)) where is_active;

    insert into holidays (holiday_on, kind, name_id, name_en, note) values
      ('2025-01-01', 'national_holiday', 'Tahun Baru 2025 Masehi', 'New Year''s Day', null),
      ('2025-01-27', 'national_holiday', 'Isra Mikraj Nabi Muhammad SAW', 'Isra Mi''raj of the Prophet Muhammad', null),
      ('2025-01-28', 'collective_leave', 'Cuti bersama Tahun Baru Imlek 2576 Kongzili', 'Collective leave for Chinese New Year', null),
      ('2025-01-29', 'national_holiday', 'Tahun Baru Imlek 2576 Kongzili', 'Chinese New Year 2576', null),
      ('2025-03-28', 'collective_leave', 'Cuti bersama Hari Suci Nyepi', 'Collective leave for Nyepi', null),
      ('2025-03-29', 'national_holiday', 'Hari Suci Nyepi (Tahun Baru Saka 1947)', 'Nyepi, Day of Silence (Saka New Year 1947)', null),
      ('2025-03-31', 'national_holiday', 'Idul Fitri 1446 Hijriah', 'Eid al-Fitr 1446 AH', null),
      ('2025-04-01', 'national_holiday', 'Idul Fitri 1446 Hijriah (hari kedua)', 'Eid al-Fitr 1446 AH (second day)', null),
      ('2025-04-02', 'collective_leave', 'Cuti bersama Idul Fitri 1446 Hijriah', 'Collective leave for Eid al-Fitr', null),
      ('2025-04-03', 'collective_leave', 'Cuti bersama Idul Fitri 1446 Hijriah', 'Collective leave for Eid al-Fitr', null),
      ('2025-04-04', 'collective_leave', 'Cuti bersama Idul Fitri 1446 Hijriah', 'Collective leave for Eid al-Fitr', null),
      ('2025-04-07', 'collective_leave', 'Cuti bersama Idul Fitri 1446 Hijriah', 'Collective leave for Eid al-Fitr', null),
      ('2025-04-18', 'national_holiday', 'Wafat Yesus Kristus', 'Good Friday', null),
      ('2025-04-20', 'national_holiday', 'Kebangkitan Yesus Kristus (Paskah)', 'Easter Sunday', null),
      ('2025-05-01', 'national_holiday', 'Hari Buruh Internasional', 'International Labour Day', null),
      ('2025-05-12', 'national_holiday', 'Hari Raya Waisak 2569 BE', 'Vesak Day 2569 BE', null),
      ('2025-05-13', 'collective_leave', 'Cuti bersama Hari Raya Waisak', 'Collective leave for Vesak', null),
      ('2025-05-29', 'national_holiday', 'Kenaikan Yesus Kristus', 'Ascension of Jesus Christ', null),
      ('2025-05-30', 'collective_leave', 'Cuti bersama Kenaikan Yesus Kristus', 'Collective leave for Ascension Day', null),
      ('2025-06-01', 'national_holiday', 'Hari Lahir Pancasila', 'Pancasila Day', null),
      ('2025-06-06', 'national_holiday', 'Idul Adha 1446 Hijriah', 'Eid al-Adha 1446 AH', null),
      ('2025-06-09', 'collective_leave', 'Cuti bersama Idul Adha 1446 Hijriah', 'Collective leave for Eid al-Adha', null),
      ('2025-06-27', 'national_holiday', 'Tahun Baru Islam 1447 Hijriah', 'Islamic New Year 1447 AH', null),
      ('2025-08-17', 'national_holiday', 'Hari Proklamasi Kemerdekaan Republik Indonesia', 'Independence Day', null),
      ('2025-08-18', 'collective_leave', 'Cuti bersama HUT ke-80 Kemerdekaan Republik Indonesia', 'Collective leave for the 80th Independence Day', null),
      ('2025-09-05', 'national_holiday', 'Maulid Nabi Muhammad SAW', 'Prophet Muhammad''s Birthday', null),
      ('2025-12-25', 'national_holiday', 'Kelahiran Yesus Kristus (Natal)', 'Christmas Day', null),
      ('2025-12-26', 'collective_leave', 'Cuti bersama Kelahiran Yesus Kristus', 'Collective leave for Christmas', null),
      ('2026-01-01', 'national_holiday', 'Tahun Baru 2026 Masehi', 'New Year''s Day', null),
      ('2026-01-16', 'national_holiday', 'Isra Mikraj Nabi Muhammad SAW', 'Isra Mi''raj of the Prophet Muhammad', null),
      ('2026-02-16', 'collective_leave', 'Cuti bersama Tahun Baru Imlek 2577 Kongzili', 'Collective leave for Chinese New Year', null),
      ('2026-02-17', 'national_holiday', 'Tahun Baru Imlek 2577 Kongzili', 'Chinese New Year 2577', null),
      ('2026-03-18', 'collective_leave', 'Cuti bersama Hari Suci Nyepi', 'Collective leave for Nyepi', null),
      ('2026-03-19', 'national_holiday', 'Hari Suci Nyepi (Tahun Baru Saka 1948)', 'Nyepi, Day of Silence (Saka New Year 1948)', null),
      ('2026-03-20', 'collective_leave', 'Cuti bersama Idul Fitri 1447 Hijriah', 'Collective leave for Eid al-Fitr', null),
      ('2026-03-21', 'national_holiday', 'Idul Fitri 1447 Hijriah', 'Eid al-Fitr 1447 AH', null),
      ('2026-03-22', 'national_holiday', 'Idul Fitri 1447 Hijriah (hari kedua)', 'Eid al-Fitr 1447 AH (second day)', null),
      ('2026-03-23', 'collective_leave', 'Cuti bersama Idul Fitri 1447 Hijriah', 'Collective leave for Eid al-Fitr', null),
      ('2026-03-24', 'collective_leave', 'Cuti bersama Idul Fitri 1447 Hijriah', 'Collective leave for Eid al-Fitr', null),
      ('2026-04-03', 'national_holiday', 'Wafat Yesus Kristus', 'Good Friday', null),
      ('2026-04-05', 'national_holiday', 'Kebangkitan Yesus Kristus (Paskah)', 'Easter Sunday', null),
      ('2026-05-01', 'national_holiday', 'Hari Buruh Internasional', 'International Labour Day', null),
      ('2026-05-14', 'national_holiday', 'Kenaikan Yesus Kristus', 'Ascension of Jesus Christ', null),
      ('2026-05-15', 'collective_leave', 'Cuti bersama Kenaikan Yesus Kristus', 'Collective leave for Ascension Day', null),
      ('2026-05-27', 'national_holiday', 'Idul Adha 1447 Hijriah', 'Eid al-Adha 1447 AH', null),
      ('2026-05-28', 'collective_leave', 'Cuti bersama Idul Adha 1447 Hijriah', 'Collective leave for Eid al-Adha', null),
      ('2026-05-31', 'national_holiday', 'Hari Raya Waisak 2570 BE', 'Vesak Day 2570 BE', null),
      ('2026-06-01', 'national_holiday', 'Hari Lahir Pancasila', 'Pancasila Day', null),
      ('2026-06-16', 'national_holiday', 'Tahun Baru Islam 1448 Hijriah', 'Islamic New Year 1448 AH', null),
      ('2026-08-17', 'national_holiday', 'Hari Proklamasi Kemerdekaan Republik Indonesia', 'Independence Day', null),
      ('2026-08-25', 'national_holiday', 'Maulid Nabi Muhammad SAW', 'Prophet Muhammad''s Birthday', null),
      ('2026-12-24', 'collective_leave', 'Cuti bersama Kelahiran Yesus Kristus', 'Collective leave for Christmas', null),
      ('2026-12-25', 'national_holiday', 'Kelahiran Yesus Kristus (Natal)', 'Christmas Day', null),
      ('2027-01-01', 'national_holiday', 'Tahun Baru 2027 Masehi', 'New Year''s Day', 'Perkiraan: belum ada SKB saat data ini ditulis; sesuaikan dengan SKB 2027'),
      ('2027-01-05', 'national_holiday', 'Isra Mikraj Nabi Muhammad SAW', 'Isra Mi''raj of the Prophet Muhammad', 'Perkiraan: belum ada SKB saat data ini ditulis; sesuaikan dengan SKB 2027'),
      ('2027-02-06', 'national_holiday', 'Tahun Baru Imlek 2578 Kongzili', 'Chinese New Year 2578', 'Perkiraan: belum ada SKB saat data ini ditulis; sesuaikan dengan SKB 2027'),
      ('2027-03-08', 'national_holiday', 'Hari Suci Nyepi (Tahun Baru Saka 1949)', 'Nyepi, Day of Silence (Saka New Year 1949)', 'Perkiraan: belum ada SKB saat data ini ditulis; sesuaikan dengan SKB 2027'),
      ('2027-03-10', 'national_holiday', 'Idul Fitri 1448 Hijriah', 'Eid al-Fitr 1448 AH', 'Perkiraan: belum ada SKB saat data ini ditulis; sesuaikan dengan SKB 2027'),
      ('2027-03-11', 'national_holiday', 'Idul Fitri 1448 Hijriah (hari kedua)', 'Eid al-Fitr 1448 AH (second day)', 'Perkiraan: belum ada SKB saat data ini ditulis; sesuaikan dengan SKB 2027'),
      ('2027-03-26', 'national_holiday', 'Wafat Yesus Kristus', 'Good Friday', 'Perkiraan: belum ada SKB saat data ini ditulis; sesuaikan dengan SKB 2027'),
      ('2027-03-28', 'national_holiday', 'Kebangkitan Yesus Kristus (Paskah)', 'Easter Sunday', 'Perkiraan: belum ada SKB saat data ini ditulis; sesuaikan dengan SKB 2027'),
      ('2027-05-01', 'national_holiday', 'Hari Buruh Internasional', 'International Labour Day', 'Perkiraan: belum ada SKB saat data ini ditulis; sesuaikan dengan SKB 2027'),
      ('2027-05-06', 'national_holiday', 'Kenaikan Yesus Kristus', 'Ascension of Jesus Christ', 'Perkiraan: belum ada SKB saat data ini ditulis; sesuaikan dengan SKB 2027'),
      ('2027-05-17', 'national_holiday', 'Idul Adha 1448 Hijriah', 'Eid al-Adha 1448 AH', 'Perkiraan: belum ada SKB saat data ini ditulis; sesuaikan dengan SKB 2027'),
      ('2027-05-20', 'national_holiday', 'Hari Raya Waisak 2571 BE', 'Vesak Day 2571 BE', 'Perkiraan: belum ada SKB saat data ini ditulis; sesuaikan dengan SKB 2027'),
      ('2027-06-01', 'national_holiday', 'Hari Lahir Pancasila', 'Pancasila Day', 'Perkiraan: belum ada SKB saat data ini ditulis; sesuaikan dengan SKB 2027'),
      ('2027-06-06', 'national_holiday', 'Tahun Baru Islam 1449 Hijriah', 'Islamic New Year 1449 AH', 'Perkiraan: belum ada SKB saat data ini ditulis; sesuaikan dengan SKB 2027'),
      ('2027-08-15', 'national_holiday', 'Maulid Nabi Muhammad SAW', 'Prophet Muhammad''s Birthday', 'Perkiraan: belum ada SKB saat data ini ditulis; sesuaikan dengan SKB 2027'),
      ('2027-08-17', 'national_holiday', 'Hari Proklamasi Kemerdekaan Republik Indonesia', 'Independence Day', 'Perkiraan: belum ada SKB saat data ini ditulis; sesuaikan dengan SKB 2027'),
      ('2027-12-25', 'national_holiday', 'Kelahiran Yesus Kristus (Natal)', 'Christmas Day', 'Perkiraan: belum ada SKB saat data ini ditulis; sesuaikan dengan SKB 2027');

    create table service_level_policies (
      id bigserial constraint service_level_policies_pkey primary key,
      name text not null,
      channel text,
      category_code text constraint service_level_policies_category_code_fkey references categories (code),
      priority text constraint service_level_policies_priority_check check (priority in ('low', 'medium', 'high')),
      is_whistleblowing boolean,
      acknowledgement_amount integer not null constraint service_level_policies_acknowledgement_amount_check check (acknowledgement_amount > 0),
      acknowledgement_unit text not null constraint service_level_policies_acknowledgement_unit_check check (acknowledgement_unit in ('minutes', 'working_days', 'calendar_days')),
      verification_amount integer not null constraint service_level_policies_verification_amount_check check (verification_amount > 0),
      verification_unit text not null constraint service_level_policies_verification_unit_check check (verification_unit in ('minutes', 'working_days', 'calendar_days')),
      response_amount integer not null constraint service_level_policies_response_amount_check check (response_amount > 0),
      response_unit text not null constraint service_level_policies_response_unit_check check (response_unit in ('minutes', 'working_days', 'calendar_days')),
      is_active boolean not null default true,
      created_at timestamptz not null default now(),
      updated_at timestamptz
    );
    -- Two active policies with the same selectors would make the choice arbitrary.
    create unique index service_level_policies_selectors_key on service_level_policies
      (coalesce(channel, ''), coalesce(category_code, ''), coalesce(priority, ''), coalesce(is_whistleblowing::text, ''))
      where is_active;

    -- The seed documents: 30 minutes at the desk (BKPSDMD Manggarai Timur, "tatap muka"),
    -- 7 working days for a letter or the suggestion box (same), 14 days in general (the
    -- ministry's public complaint page), 30 days for whistleblowing (KMK 149/2011, WiSe).
    -- Acknowledgement and verification are ours: a working day to acknowledge; three working
    -- days to verify (seven for whistleblowing, which needs the integrity team); at the desk
    -- everything happens within the 30 minutes.
    insert into service_level_policies (name, channel, is_whistleblowing,
      acknowledgement_amount, acknowledgement_unit, verification_amount, verification_unit, response_amount, response_unit) values
      ('Umum', null, null, 1, 'working_days', 3, 'working_days', 14, 'calendar_days'),
      ('Tatap muka', 'walk_in', null, 30, 'minutes', 30, 'minutes', 30, 'minutes'),
      ('Telepon', 'phone', null, 30, 'minutes', 30, 'minutes', 30, 'minutes'),
      ('Surat', 'letter', null, 1, 'working_days', 3, 'working_days', 7, 'working_days'),
      ('Kotak saran', 'suggestion_box', null, 1, 'working_days', 3, 'working_days', 7, 'working_days'),
      ('Pelaporan pelanggaran (whistleblowing)', null, true, 1, 'working_days', 7, 'working_days', 30, 'calendar_days');

    create table case_deadlines (
      complaint_id uuid not null constraint case_deadlines_complaint_id_fkey references complaints (id),
      kind text not null constraint case_deadlines_kind_check check (kind in ('acknowledgement', 'verification', 'response')),
      cycle integer not null,
      policy_id bigint constraint case_deadlines_policy_id_fkey references service_level_policies (id),
      duration_amount integer not null,
      duration_unit text not null,
      -- Whose working calendar counts the days: the unit the clock started in.
      calendar_unit_id bigint not null constraint case_deadlines_calendar_unit_id_fkey references units (id),
      starts_at timestamptz not null,
      due_at timestamptz not null,
      due_soon_at timestamptz not null,
      paused_at timestamptz,
      met_at timestamptz,
      ended_at timestamptz,
      reminder_points jsonb not null default '[]',
      next_reminder_at timestamptz,
      escalated_at timestamptz,
      constraint case_deadlines_pkey primary key (complaint_id, kind)
    );
    -- The escalation job's scan: deadlines that still count and passed unescalated.
    create index case_deadlines_breach_idx on case_deadlines (due_at)
      where met_at is null and ended_at is null and paused_at is null and escalated_at is null;
    -- The reminder job's scan.
    create index case_deadlines_reminder_idx on case_deadlines (next_reminder_at) where next_reminder_at is not null;

    create table deadline_reminders (
      complaint_id uuid not null constraint deadline_reminders_complaint_id_fkey references complaints (id),
      kind text not null,
      cycle integer not null,
      percent integer not null,
      sent_at timestamptz not null,
      -- Null when the reminder was passed over because a later one was due at the same time.
      outbox_id bigint constraint deadline_reminders_outbox_id_fkey references outbox (id),
      constraint deadline_reminders_pkey primary key (complaint_id, kind, cycle, percent)
    );

    alter table complaints
      add column overdue_since timestamptz,
      add column follow_up_at timestamptz;
    create index complaints_overdue_idx on complaints (overdue_since) where overdue_since is not null;
    create index complaints_follow_up_idx on complaints (follow_up_at) where follow_up_at is not null;

    -- Cases from before this migration keep the one response deadline they had. Those already
    -- past it are flagged overdue but not escalated now: a flood of escalations about old
    -- cases on upgrade would bury the new ones. Needs_info cases are stopped since their last event.
    insert into case_deadlines (complaint_id, kind, cycle, duration_amount, duration_unit, calendar_unit_id, starts_at,
      due_at, due_soon_at, paused_at, met_at, ended_at, escalated_at)
    select c.id, 'response', 1,
      case when c.is_whistleblowing then 30 when c.channel in ('walk_in', 'phone') then 30 when c.channel in ('letter', 'suggestion_box') then 7 else 14 end,
      case when c.is_whistleblowing then 'calendar_days' when c.channel in ('walk_in', 'phone') then 'minutes'
           when c.channel in ('letter', 'suggestion_box') then 'working_days' else 'calendar_days' end,
      c.unit_id, c.received_at, c.response_due_at,
      c.received_at + (c.response_due_at - c.received_at) * 0.8,
      case when c.status = 'needs_info' then c.updated_at end,
      case when c.status in ('responded', 'closed') then c.updated_at end,
      case when c.status in ('rejected', 'referred', 'merged', 'withdrawn') then c.updated_at end,
      case when c.response_due_at < now() then now() end
    from complaints c
    where c.response_due_at is not null;
    update complaints set overdue_since = response_due_at
    where response_due_at < now()
      and status in ('received', 'verified', 'assigned', 'in_progress', 'response_review', 'response_approved', 'appealed');
    -- The follow-up job works out when these are due (a reminder, the end of the appeal window)
    -- at its first run, and looks again then.
    update complaints set follow_up_at = now() where status in ('needs_info', 'responded');
  `.execute(db);
}
