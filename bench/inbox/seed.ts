// Seeds the inbox benchmark's database: the app's own migrations, a unit tree, a few staff,
// and N complaints written by multi-row INSERT ... SELECT FROM generate_series in batches
// (no COPY client is installed), on two connections at once, with the complaints table's
// secondary indexes built afterwards (faster than maintaining a GIN index row by row).
import { tmpdir } from 'node:os';
import pg from 'pg';
import { hashPassword } from '../../src/app/auth/password-hash.js';
import { openDatabase } from '../../src/store/database.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import { buildPhrases, buildVocabulary, prng } from './vocabulary.js';

/** Bump when the generated data changes, so an old bench database is seeded again. */
const seedVersion = 1;
export const benchPassword = 'bench-inbox-kata-sandi-panjang';
export const divisionCount = 10;
export const sectionsPerDivision = 5;
const sentenceCount = 40_000;
const titleCount = 5_000;
const vocabularySize = 3_000;
const batchSize = 25_000;
const workers = 2;

export interface SeedInfo {
  version: number;
  complaints: number;
  seededAt: string;
  seedSeconds: number;
  /** The busiest section (most complaints) and its coordinator. */
  sectionId: number;
  sectionCoordinatorEmail: string;
  rootId: number;
  rootCoordinatorEmail: string;
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

/** The seed already in `name`, if it was made by this version with this many complaints. */
export async function existingSeed(adminUrl: string, name: string, complaints: number): Promise<SeedInfo | undefined> {
  const comment = await withClient(adminUrl, async (client) => {
    const { rows } = await client.query<{ comment: string | null }>(
      'select shobj_description(oid, \'pg_database\') as comment from pg_database where datname = $1', [name],
    );
    return rows[0]?.comment ?? undefined;
  });
  if (!comment) return undefined;
  try {
    const info = JSON.parse(comment) as SeedInfo;
    return info.version === seedVersion && info.complaints === complaints ? info : undefined;
  } catch {
    return undefined;
  }
}

function weightedCase(column: string, weights: [string, number][]): string {
  const total = weights.reduce((sum, [, weight]) => sum + weight, 0);
  let cumulative = 0;
  const arms = weights.map(([value, weight]) => {
    cumulative += weight / total;
    return `when ${column} < ${cumulative.toFixed(6)} then '${value}'`;
  });
  return `case ${arms.join(' ')} else '${weights.at(-1)?.[0] ?? ''}' end`;
}

// Cases younger than 60 days are mostly still being worked on; older ones mostly closed
// (a few stuck in_progress or appealed: the overdue tail every inbox has).
const recentStatuses: [string, number][] = [
  ['received', 20], ['needs_info', 5], ['verified', 10], ['assigned', 10], ['in_progress', 30], ['response_review', 7],
  ['response_approved', 3], ['appealed', 2], ['responded', 5], ['rejected', 3], ['closed', 5],
];
const olderStatuses: [string, number][] = [
  ['in_progress', 1], ['appealed', 0.5], ['responded', 4], ['rejected', 3], ['withdrawn', 1.5], ['merged', 1], ['referred', 1], ['closed', 88],
];
const channelWeights: [string, number][] = [
  ['web', 55], ['email', 8], ['whatsapp', 12], ['sms', 2], ['letter', 8], ['suggestion_box', 3], ['walk_in', 6], ['phone', 4], ['social_media', 2],
];
const identityWeights: [string, number][] = [['identified', 60], ['confidential', 30], ['anonymous', 10]];
const categoryWeights: [string, number][] = [
  ['service.procedure', 20], ['service.time', 22], ['service.cost', 8], ['service.facilities', 10], ['service.conduct', 12],
  ['integrity.fraud', 0.6], ['integrity.corruption', 0.4], ['integrity.bribery', 1], ['safeguards.social', 3],
  ['safeguards.environmental', 2], ['information.request', 15], ['suggestion', 6],
];
const handledStatuses = ['assigned', 'in_progress', 'response_review', 'response_approved', 'responded', 'closed', 'appealed', 'referred'];
const places = ['Jakarta', 'Bandung', 'Surabaya', 'Medan', 'Makassar', 'Semarang', 'Palembang', 'Denpasar', 'Balikpapan', 'Pontianak',
  'Manado', 'Jayapura', 'Kupang', 'Mataram', 'Padang', 'Pekanbaru', 'Banjarmasin', 'Ambon', 'Yogyakarta', 'Malang'];

/** The seed's words, most frequent first (the same on every run). */
export function seedVocabulary(): string[] {
  return buildVocabulary(vocabularySize, prng(20240601));
}

/** One batch: rows lo..hi. Random draws live in an `offset 0` subquery so each is drawn once per row. */
const insertBatch = `
insert into complaints (
  id, register_number, tracking_code_hash, status, channel, identity_mode, pseudonym, title, description, facts,
  category_code, unit_id, locale, completeness_score, received_at, submitted_at, updated_at, last_event_sequence,
  handler_id, priority, is_whistleblowing, response_due_at)
select
  gen_random_uuid(),
  'ADU-' || to_char(b.received_at, 'YYYY') || '-' || lpad(b.i::text, 7, '0'),
  decode(md5('aduan-bench-' || b.i), 'hex'),
  b.status, b.channel, b.identity_mode,
  case when b.identity_mode <> 'identified' then 'Pelapor-' || to_hex(b.i) end,
  initcap((select body from bench.titles where id = b.t)),
  (select body from bench.sentences where id = b.s1) || '. ' || (select body from bench.sentences where id = b.s2) || '. '
    || (select body from bench.sentences where id = b.s3) || '.',
  jsonb_build_object(
    'what', (select body from bench.sentences where id = b.s4),
    'where', 'kantor pelayanan ' || ($7::text[])[b.place],
    'when', to_char(b.received_at - interval '2 days', 'DD-MM-YYYY'),
    'who', (select body from bench.titles where id = b.s5 % ${titleCount} + 1),
    'how', (select body from bench.sentences where id = b.s6),
    'why', (select body from bench.sentences where id = b.s7)),
  b.category_code, b.unit_id, 'id', b.completeness, b.received_at, b.received_at + interval '2 minutes',
  b.received_at + interval '1 day' * least(b.age_days, 20), 1 + (b.age_days < 60)::int * 3 + (b.age_days >= 60)::int * 7,
  case when b.status = any($6::text[]) then ($5::bigint[])[b.section] end,
  case when b.status not in ('received', 'needs_info', 'rejected') then (array['low', 'medium', 'medium', 'high'])[1 + floor(b.r_priority * 4)::int] end,
  b.category_code like 'integrity.%',
  b.received_at + interval '14 days'
from (
  select a.*,
    case when a.r_unit < 0.03 then $8::bigint
         when a.r_unit < 0.10 then ($4::bigint[])[1 + floor(a.r_division * ${divisionCount})::int]
         else ($3::bigint[])[a.section] end as unit_id,
    case when a.age_days < 60 then ${weightedCase('a.r_status', recentStatuses)} else ${weightedCase('a.r_status', olderStatuses)} end as status,
    ${weightedCase('a.r_channel', channelWeights)} as channel,
    ${weightedCase('a.r_identity', identityWeights)} as identity_mode,
    ${weightedCase('a.r_category', categoryWeights)} as category_code
  from (
    select i, $9::timestamptz - age_days * interval '1 day' as received_at, age_days::int as age_days, r_unit, r_division, section,
      r_status, r_channel, r_identity, r_category, r_priority, t, s1, s2, s3, s4, s5, s6, s7, place, completeness
    from (
      select i, random() * 1095 as age_days,
        random() as r_unit, random() as r_division, 1 + floor(power(random(), 1.2) * ${divisionCount * sectionsPerDivision})::int as section,
        random() as r_status, random() as r_channel, random() as r_identity, random() as r_category, random() as r_priority,
        1 + floor(random() * ${titleCount})::int as t,
        1 + floor(random() * ${sentenceCount})::int as s1, 1 + floor(random() * ${sentenceCount})::int as s2,
        1 + floor(random() * ${sentenceCount})::int as s3, 1 + floor(random() * ${sentenceCount})::int as s4,
        1 + floor(random() * ${sentenceCount})::int as s5, 1 + floor(random() * ${sentenceCount})::int as s6,
        1 + floor(random() * ${sentenceCount})::int as s7,
        1 + floor(random() * ${places.length})::int as place,
        40 + floor(random() * 61)::int as completeness
      from generate_series($1::int, $2::int) i
      offset 0
    ) drawn
    offset 0
  ) a
) b`;

/**
 * Drops and recreates `name`, migrates it like the app does, and fills it. Returns what the
 * benchmark needs to know about the data, also stored as the database's comment for reuse.
 */
export async function seed(adminUrl: string, name: string, complaints: number, log: (line: string) => void): Promise<SeedInfo> {
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

  const vocabulary = seedVocabulary();
  const sentences = buildPhrases(sentenceCount, 6, 14, vocabulary, 11);
  const titles = buildPhrases(titleCount, 3, 7, vocabulary, 12);

  const pool = new pg.Pool({ connectionString: url, max: workers });
  try {
    const setup = await pool.connect();
    let sectionIds: number[];
    let divisionIds: number[];
    let handlerIds: number[];
    let rootId: number;
    try {
      await setup.query('create schema bench');
      await setup.query('create table bench.sentences (id int primary key, body text not null)');
      await setup.query('create table bench.titles (id int primary key, body text not null)');
      await setup.query('insert into bench.sentences select ordinality, body from unnest($1::text[]) with ordinality as t(body, ordinality)', [sentences]);
      await setup.query('insert into bench.titles select ordinality, body from unnest($1::text[]) with ordinality as t(body, ordinality)', [titles]);

      const root = await setup.query<{ id: string }>('select id from units where parent_id is null order by id limit 1');
      rootId = Number(root.rows[0]?.id);
      await setup.query(`update units set approval_chain = '[{"role":"head","unitsUp":0},{"role":"head","unitsUp":1}]' where id = $1`, [rootId]);
      const divisions = await setup.query<{ id: string }>(
        `insert into units (code, name, parent_id, time_zone, approval_chain)
         select 'DIV' || lpad(d::text, 2, '0'), 'Bidang ' || d, $1, (array['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'])[1 + d % 3],
           '[{"role":"head","unitsUp":0},{"role":"head","unitsUp":1}]'
         from generate_series(1, ${divisionCount}) d order by d returning id`, [rootId]);
      divisionIds = divisions.rows.map((row) => Number(row.id));
      const sections = await setup.query<{ id: string }>(
        `insert into units (code, name, parent_id, time_zone, approval_chain)
         select 'SEK' || lpad(d::text, 2, '0') || '-' || s, 'Seksi ' || d || '.' || s, ($1::bigint[])[d], 'Asia/Jakarta',
           '[{"role":"head","unitsUp":0},{"role":"head","unitsUp":1}]'
         from generate_series(1, ${divisionCount}) d, generate_series(1, ${sectionsPerDivision}) s order by d, s returning id`, [divisionIds]);
      sectionIds = sections.rows.map((row) => Number(row.id));

      const passwordHash = await hashPassword(benchPassword);
      // One handler per section (the "few handlers"), a coordinator in the busiest section
      // (the first: sections are drawn with a skew towards low numbers) and one at the root.
      const handlers = await setup.query<{ id: string }>(
        `insert into users (email, name, unit_id, roles, password_hash)
         select 'penangan' || n || '@bench.aduan.test', 'Penangan ' || n, unit_id, '{handler}', $2
         from unnest($1::bigint[]) with ordinality as t(unit_id, n) order by n returning id`, [sectionIds, passwordHash]);
      handlerIds = handlers.rows.map((row) => Number(row.id));
      await setup.query(
        `insert into users (email, name, unit_id, roles, password_hash) values
         ('koordinator.seksi@bench.aduan.test', 'Koordinator Seksi', $1, '{coordinator}', $3),
         ('koordinator.pusat@bench.aduan.test', 'Koordinator Pusat', $2, '{coordinator}', $3)`,
        [sectionIds[0], rootId, passwordHash]);
    } finally {
      setup.release();
    }
    log(`  units: 1 root + ${divisionIds.length} divisions + ${sectionIds.length} sections; ${handlerIds.length} handlers, 2 coordinators`);

    // Secondary indexes are built after the load, exactly as the migrations define them.
    const indexes = await pool.query<{ indexname: string; indexdef: string }>(
      `select indexname, indexdef from pg_indexes where schemaname = 'public' and tablename = 'complaints'
         and indexname not in (select conname from pg_constraint)`);
    for (const index of indexes.rows) await pool.query(`drop index ${index.indexname}`);

    const seedNow = new Date();
    const batches: [number, number][] = [];
    for (let lo = 1; lo <= complaints; lo += batchSize) batches.push([lo, Math.min(complaints, lo + batchSize - 1)]);
    let done = 0;
    const loadStarted = performance.now();
    const worker = async () => {
      const client = await pool.connect();
      try {
        // Skips the foreign-key and content-freezing triggers for the load (the data is
        // consistent by construction); commits need not wait for the WAL flush.
        await client.query('set session_replication_role = replica');
        await client.query('set synchronous_commit = off');
        for (let batch = batches.shift(); batch; batch = batches.shift()) {
          await client.query(insertBatch, [batch[0], batch[1], sectionIds, divisionIds, handlerIds, handledStatuses, places, rootId, seedNow]);
          done += batch[1] - batch[0] + 1;
          if (done % 100_000 < batchSize) log(`  ${done.toLocaleString('en')} complaints (${((performance.now() - loadStarted) / 1000).toFixed(0)} s)`);
        }
      } finally {
        client.release();
      }
    };
    await Promise.all(Array.from({ length: workers }, worker));
    log(`  inserted ${complaints.toLocaleString('en')} complaints in ${((performance.now() - loadStarted) / 1000).toFixed(0)} s; building ${indexes.rows.length} indexes…`);

    const indexStarted = performance.now();
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
    log(`  indexes built in ${((performance.now() - indexStarted) / 1000).toFixed(0)} s; vacuum analyze…`);
    // VACUUM as well as ANALYZE: a long-lived table is mostly all-visible with hint bits set;
    // a freshly loaded one is not, and its first readers would pay for that.
    await pool.query('vacuum (analyze) complaints');
    await pool.query('analyze');

    const busiest = await pool.query<{ unit_id: string; n: string }>(
      'select unit_id, count(*) as n from complaints where unit_id = any($1::bigint[]) group by unit_id order by n desc limit 1', [sectionIds]);
    const info: SeedInfo = {
      version: seedVersion,
      complaints,
      seededAt: new Date().toISOString(),
      seedSeconds: Math.round((performance.now() - started) / 1000),
      sectionId: Number(busiest.rows[0]?.unit_id ?? sectionIds[0]),
      sectionCoordinatorEmail: 'koordinator.seksi@bench.aduan.test',
      rootId,
      rootCoordinatorEmail: 'koordinator.pusat@bench.aduan.test',
    };
    if (info.sectionId !== sectionIds[0]) {
      await pool.query('update users set unit_id = $1 where email = $2', [info.sectionId, info.sectionCoordinatorEmail]);
    }
    await pool.query(`comment on database ${name} is ${pg.escapeLiteral(JSON.stringify(info))}`);
    return info;
  } finally {
    await pool.end();
  }
}
