// Seeds bench/deadlines' PostgreSQL database: the app's own migrations, then N complaints and
// their three deadlines each, by INSERT … SELECT FROM generate_series in batches on two
// connections, with the secondary indexes of both tables built after the load.
//
// The mix: complaints received over three years; those younger than 60 days mostly open,
// older ones mostly finished. Deadlines of finished cases are met or ended; open ones still
// count (some already overdue and escalated by earlier sweeps, as a running installation has
// them), a few cases wait for their reporter (paused), and 0.5% of the breaches are left
// unescalated: the backlog the next escalation run must find.
import { tmpdir } from 'node:os';
import pg from 'pg';
import { openDatabase } from '../../src/store/database.js';
import { migrateToLatest } from '../../src/store/migrate.js';

/** Bump when the generated data changes, so an old bench database is seeded again. */
const seedVersion = 1;
const batchSize = 50_000;
const workers = 2;

export interface DeadlineSeedInfo {
  version: number;
  complaints: number;
  deadlines: number;
  seededAt: string;
  /** The instant the data was generated around: the scans are run at it. */
  now: string;
  seedSeconds: number;
}

export function databaseUrlFor(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withClient<T>(connectionString: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function existingSeed(adminUrl: string, name: string, complaints: number): Promise<DeadlineSeedInfo | undefined> {
  const comment = await withClient(adminUrl, async (client) => {
    const { rows } = await client.query<{ comment: string | null }>('select shobj_description(oid, \'pg_database\') as comment from pg_database where datname = $1', [name]);
    return rows[0]?.comment ?? undefined;
  });
  if (!comment) return undefined;
  try {
    const info = JSON.parse(comment) as DeadlineSeedInfo;
    return info.version === seedVersion && info.complaints === complaints ? info : undefined;
  } catch {
    return undefined;
  }
}

const insertComplaints = `
insert into complaints (
  id, register_number, tracking_code_hash, status, channel, identity_mode, title, description, facts, unit_id, locale,
  completeness_score, received_at, submitted_at, updated_at, last_event_sequence, response_due_at)
select gen_random_uuid(), 'BD-' || lpad(i::text, 7, '0'), decode(md5('aduan-bench-deadlines-' || i), 'hex'),
  case when age_days < 60 then
         (array['received', 'needs_info', 'verified', 'assigned', 'in_progress', 'in_progress', 'in_progress', 'response_review', 'responded', 'closed'])[1 + floor(r_status * 10)::int]
       when r_status < 0.02 then 'in_progress'
       when r_status < 0.06 then 'rejected'
       when r_status < 0.08 then 'withdrawn'
       else 'closed' end,
  (array['web', 'web', 'web', 'whatsapp', 'email', 'letter', 'suggestion_box', 'walk_in'])[1 + floor(r_channel * 8)::int],
  'anonymous', 'Keluhan ' || i, 'Uraian keluhan nomor ' || i, '{}'::jsonb, ($3::bigint[])[1 + floor(r_unit * array_length($3::bigint[], 1))::int], 'id',
  50, received_at, received_at, received_at, 1, received_at + interval '14 days'
from (
  select i, $4::timestamptz - age_days * interval '1 day' as received_at, age_days, r_status, r_channel, r_unit
  from (select i, random() * 1095 as age_days, random() as r_status, random() as r_channel, random() as r_unit from generate_series($1::int, $2::int) i offset 0) drawn
) b`;

/** Three deadlines per complaint, with what a running installation would have stored for them. */
const insertDeadlines = `
insert into case_deadlines (
  complaint_id, kind, cycle, policy_id, duration_amount, duration_unit, calendar_unit_id, starts_at, due_at, due_soon_at,
  paused_at, met_at, ended_at, reminder_points, next_reminder_at, escalated_at)
select s.complaint_id, s.kind, 1, 1, s.amount, s.unit, s.unit_id, s.starts_at, s.due_at, s.due_at - (s.due_at - s.starts_at) * 0.2,
  s.paused_at, s.met_at, s.ended_at, '[]'::jsonb,
  case when s.counting and s.due_at > $3::timestamptz then s.due_at - (s.due_at - s.starts_at) * 0.2 end,
  case when s.counting and s.due_at <= $3::timestamptz and s.r_backlog >= 0.005 then s.due_at + interval '1 minute' end
from (
  select x.*, x.paused_at is null and x.met_at is null and x.ended_at is null as counting
  from (
    select c.id as complaint_id, k.kind, k.amount, k.unit, c.unit_id, c.received_at as starts_at, c.received_at + k.span as due_at,
      case when c.status = 'needs_info' and k.kind <> 'acknowledgement' then c.received_at + interval '20 hours' end as paused_at,
      case when k.kind = 'acknowledgement' then c.received_at + interval '3 hours'
           when k.kind = 'verification' and c.status not in ('received', 'needs_info', 'rejected', 'withdrawn') then c.received_at + interval '50 hours'
           when k.kind = 'response' and c.status in ('responded', 'closed') then c.received_at + interval '10 days' end as met_at,
      case when c.status in ('rejected', 'withdrawn') and k.kind <> 'acknowledgement' then c.received_at + interval '30 hours' end as ended_at,
      random() as r_backlog
    from complaints c
    cross join (values ('acknowledgement', interval '1 day', 1, 'working_days'), ('verification', interval '4 days', 3, 'working_days'),
                       ('response', interval '14 days', 14, 'calendar_days')) k(kind, span, amount, unit)
    where c.register_number between $1 and $2
  ) x
) s`;

export async function seed(adminUrl: string, name: string, complaints: number, log: (line: string) => void): Promise<DeadlineSeedInfo> {
  const started = performance.now();
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bad database name ${name}`);
  await withClient(adminUrl, async (client) => {
    await client.query(`drop database if exists ${name} with (force)`);
    await client.query(`create database ${name}`);
  });
  const url = databaseUrlFor(adminUrl, name);
  const database = await openDatabase({ databaseUrl: url, dataDir: tmpdir() });
  try {
    await migrateToLatest(database.db);
  } finally {
    await database.close();
  }
  log(`  migrated ${name}`);
  const now = new Date();
  const pool = new pg.Pool({ connectionString: url, max: workers });
  try {
    const root = await pool.query<{ id: string }>('select id from units where parent_id is null order by id limit 1');
    const units = await pool.query<{ id: string }>(
      `insert into units (code, name, parent_id, time_zone)
       select 'U' || lpad(n::text, 2, '0'), 'Unit ' || n, $1, (array['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'])[1 + n % 3]
       from generate_series(1, 30) n returning id`, [root.rows[0]?.id]);
    const unitIds = units.rows.map((row) => Number(row.id));

    // Secondary indexes are built after the load, exactly as the migrations define them.
    const indexes = await pool.query<{ indexname: string; indexdef: string }>(
      `select indexname, indexdef from pg_indexes where schemaname = 'public' and tablename in ('complaints', 'case_deadlines')
         and indexname not in (select conname from pg_constraint)`);
    for (const index of indexes.rows) await pool.query(`drop index ${index.indexname}`);

    const load = async (label: string, sql: string, parameters: (lo: number, hi: number) => unknown[]) => {
      const batches: [number, number][] = [];
      for (let lo = 1; lo <= complaints; lo += batchSize) batches.push([lo, Math.min(complaints, lo + batchSize - 1)]);
      const loadStarted = performance.now();
      let done = 0;
      await Promise.all(Array.from({ length: workers }, async () => {
        const client = await pool.connect();
        try {
          // Skips the foreign-key and content-freezing triggers (the data is consistent by
          // construction); commits need not wait for the WAL flush.
          await client.query('set session_replication_role = replica');
          await client.query('set synchronous_commit = off');
          for (let batch = batches.shift(); batch; batch = batches.shift()) {
            await client.query(sql, parameters(batch[0], batch[1]));
            done += batch[1] - batch[0] + 1;
            if (done % 250_000 < batchSize) log(`  ${label}: ${done.toLocaleString('en')} complaints (${((performance.now() - loadStarted) / 1000).toFixed(0)} s)`);
          }
        } finally {
          client.release();
        }
      }));
    };
    await load('complaints', insertComplaints, (lo, hi) => [lo, hi, unitIds, now]);
    // The deadlines join their complaints by register number, which has its unique index.
    await load('deadlines', insertDeadlines, (lo, hi) => [`BD-${String(lo).padStart(7, '0')}`, `BD-${String(hi).padStart(7, '0')}`, now]);
    log(`  building ${indexes.rows.length} indexes…`);
    const pending = [...indexes.rows].sort((a, b) => Number(b.indexdef.includes('gin')) - Number(a.indexdef.includes('gin')));
    await Promise.all(Array.from({ length: workers }, async () => {
      const client = await pool.connect();
      try {
        await client.query('set maintenance_work_mem = \'512MB\'');
        for (let index = pending.shift(); index; index = pending.shift()) await client.query(index.indexdef);
      } finally {
        client.release();
      }
    }));
    // Flagged as the escalation job and the planner would have flagged them.
    await pool.query(`update complaints c set overdue_since = d.since from (
      select complaint_id, min(due_at) as since from case_deadlines
      where met_at is null and ended_at is null and paused_at is null and due_at < $1 group by complaint_id) d
      where d.complaint_id = c.id`, [now]);
    log('  vacuum analyze…');
    await pool.query('vacuum (analyze) complaints');
    await pool.query('vacuum (analyze) case_deadlines');
    const counted = await pool.query<{ n: string }>('select count(*) as n from case_deadlines');
    const info: DeadlineSeedInfo = {
      version: seedVersion, complaints, deadlines: Number(counted.rows[0]?.n ?? 0), seededAt: new Date().toISOString(), now: now.toISOString(),
      seedSeconds: Math.round((performance.now() - started) / 1000),
    };
    await pool.query(`comment on database ${name} is ${pg.escapeLiteral(JSON.stringify(info))}`);
    return info;
  } finally {
    await pool.end();
  }
}
