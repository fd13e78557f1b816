import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { formatRegisterNumber, registerYearOf } from '../../src/domain/complaint/register-number.js';
import { assessCompleteness } from '../../src/domain/complaint/completeness.js';
import { caseEventDigest } from '../../src/store/case-events.js';
import { LatencyRecorder, type PhaseResult } from '../support/stats.js';
import { complaint } from './workload.js';

// The writes of one submission, as plain SQL on one connection: what the database must do
// at the least for each complaint, without the app's extra reads and round trips.
const takeNumberSql = `insert into register_counters (prefix, year, last_value) values ($1, $2, 1)
  on conflict (prefix, year) do update set last_value = register_counters.last_value + 1
  returning last_value`;
// Same columns as the app's insert; `search` (the generated tsvector) is computed by the
// database as for every insert. last_event_sequence is written here at once: the app
// writes 0 and updates it to 1 after inserting the event.
const complaintColumns = `id, register_number, tracking_code_hash, status, channel, identity_mode, identity_sealed,
  pseudonym, title, description, facts, category_code, unit_id, location_lat, location_lon, locale, completeness_score,
  received_at, submitted_at, updated_at`;
const complaintValues = `$1, $2, $3, 'received', 'web', 'anonymous', null, null, $4, $5, $6, null, $7, null, null, 'id', $8, $9, $9, $9`;
/** `response_due_at` (a later migration) is written too when the schema has it, as the app does. */
const dueColumn = (withDue: boolean) => (withDue ? ', response_due_at' : '');
const dueValue = (withDue: boolean) => (withDue ? ', $10' : '');
const insertComplaintSql = (withDue: boolean) => `insert into complaints (${complaintColumns}, last_event_sequence${dueColumn(withDue)})
  values (${complaintValues}, 1${dueValue(withDue)})`;
const insertEventSql = `insert into case_events (complaint_id, sequence, type, actor, occurred_at, data, prev_hash, hash)
  values ($1, 1, 'complaint.submitted', $2, $3, $4, null, $5)`;

const completenessScore = assessCompleteness(complaint.facts).score;

// The app's own statement sequence (src/app/intake/submit-complaint.ts via Kysely), for
// telling the cost of its extra statements apart from the cost of HTTP and Node.
const findRootUnitSql = 'select * from units where parent_id is null and is_active = true order by id limit 1';
const insertComplaintAsAppSql = (withDue: boolean) => `insert into complaints (${complaintColumns}${dueColumn(withDue)})
  values (${complaintValues}${dueValue(withDue)})`;
const lastEventSql = 'select sequence, hash from case_events where complaint_id = $1 order by sequence desc limit 1';
const insertEventReturningSql = `${insertEventSql} returning id, sequence, hash`;
const updateSequenceSql = 'update complaints set last_event_sequence = $1, updated_at = $2 where id = $3';

/**
 * `minimal`: begin, counter upsert, complaint insert, event insert, commit (5 round trips).
 * `app`: the app's 8: begin, root unit, upsert, complaint insert, last event, event insert,
 * last_event_sequence update, commit. Both leave the same rows behind.
 */
export type WriteSequence = 'minimal' | 'app';

const lookupSql = 'select * from complaints where tracking_code_hash = $1';
const eventsSql = 'select sequence, type, actor, occurred_at, data from case_events where complaint_id = $1 order by sequence';
const attachmentsSql = 'select * from attachments where complaint_id = $1';

export interface RawRunOptions {
  connection: pg.PoolConfig;
  concurrency: number;
  seconds: number;
}

interface Unit {
  id: number;
  timeZone: string;
}

interface Schema {
  unit: Unit;
  hasResponseDueAt: boolean;
}

/**
 * A pool for one phase. `pool.end()` resolves before its sockets have closed, so a client
 * can still hear the server end its session (e.g. when the scratch database is dropped):
 * such an error on an idle client after the phase is of no interest and must not crash the run.
 */
function phasePool(connection: pg.PoolConfig, size: number): pg.Pool {
  const pool = new pg.Pool({ ...connection, max: size });
  pool.on('error', () => undefined);
  return pool;
}

async function readSchema(pool: pg.Pool): Promise<Schema> {
  const due = await pool.query(
    "select 1 from information_schema.columns where table_name = 'complaints' and column_name = 'response_due_at' and table_schema = any (current_schemas(false))",
  );
  return { unit: await rootUnit(pool), hasResponseDueAt: (due.rowCount ?? 0) > 0 };
}

async function rootUnit(pool: pg.Pool): Promise<Unit> {
  const { rows } = await pool.query<{ id: number; time_zone: string }>(
    'select id, time_zone from units where parent_id is null and is_active order by id limit 1',
  );
  const row = rows[0];
  if (!row) throw new Error('no root unit: is the database migrated?');
  return { id: Number(row.id), timeZone: row.time_zone };
}

/** One submission's writes in one transaction; returns the tracking-code hash it stored. */
async function submitOnce(client: pg.PoolClient, schema: Schema, year: number, sequenceKind: WriteSequence): Promise<Buffer> {
  const asApp = sequenceKind === 'app';
  const { unit, hasResponseDueAt } = schema;
  const id = randomUUID();
  const now = new Date();
  const trackingCodeHash = randomBytes(32);
  await client.query('begin');
  try {
    if (asApp) await client.query(findRootUnitSql);
    const counter = await client.query<{ last_value: number }>(takeNumberSql, ['', year]);
    const sequence = counter.rows[0]?.last_value;
    if (sequence === undefined) throw new Error('the counter upsert returned no row');
    const registerNumber = formatRegisterNumber({ prefix: undefined, year, sequence });
    const values: unknown[] = [
      id, registerNumber, trackingCodeHash, complaint.title, complaint.description, JSON.stringify(complaint.facts),
      unit.id, completenessScore, now,
    ];
    if (hasResponseDueAt) values.push(new Date(now.getTime() + 14 * 24 * 3600 * 1000));
    await client.query(asApp ? insertComplaintAsAppSql(hasResponseDueAt) : insertComplaintSql(hasResponseDueAt), values);
    const actor = { kind: 'reporter' };
    const data = {
      registerNumber, channel: 'web', identityMode: 'anonymous', title: complaint.title, description: complaint.description,
      facts: complaint.facts, categoryCode: null, unitId: unit.id, receivedAt: now.toISOString(), location: null, attachmentIds: [],
    };
    const hash = caseEventDigest({ complaintId: id, sequence: 1, type: 'complaint.submitted', actor, occurredAt: now, data, prevHash: null });
    if (asApp) await client.query(lastEventSql, [id]);
    await client.query(asApp ? insertEventReturningSql : insertEventSql, [id, JSON.stringify(actor), now, JSON.stringify(data), hash]);
    if (asApp) await client.query(updateSequenceSql, [1, now, id]);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  }
  return trackingCodeHash;
}

/** Runs `concurrency` loops, each taking a pooled connection per operation, for `seconds`. */
async function loop(pool: pg.Pool, options: RawRunOptions, operation: (pool: pg.Pool) => Promise<void>): Promise<PhaseResult> {
  const latencies = new LatencyRecorder();
  let errors = 0;
  let firstError: unknown;
  const start = performance.now();
  const end = start + options.seconds * 1000;
  await Promise.all(Array.from({ length: options.concurrency }, async () => {
    while (performance.now() < end) {
      const began = performance.now();
      try {
        await operation(pool);
        latencies.record(performance.now() - began);
      } catch (error) {
        errors += 1;
        firstError ??= error;
        if (errors > 100) throw firstError;
      }
    }
  }));
  if (firstError) console.error('  raw phase error (first of', errors, '):', (firstError as Error).message);
  return latencies.summarize((performance.now() - start) / 1000, { errors });
}

/**
 * The raw write limit: the same three writes per submission (counter upsert, complaint
 * with its generated tsvector, case event) in one transaction, straight through `pg`
 * (or, with sequence `app`, the app's eight statements). Also returns some stored
 * tracking-code hashes for the lookup phase.
 */
export async function rawSubmissions(options: RawRunOptions & { sequence: WriteSequence }): Promise<{ result: PhaseResult; hashes: Buffer[] }> {
  const pool = phasePool(options.connection, options.concurrency);
  try {
    const schema = await readSchema(pool);
    const year = registerYearOf(new Date(), schema.unit.timeZone);
    const hashes: Buffer[] = [];
    const result = await loop(pool, options, async (connections) => {
      const client = await connections.connect();
      try {
        const hash = await submitOnce(client, schema, year, options.sequence);
        if (hashes.length < 200) hashes.push(hash);
      } finally {
        client.release();
      }
    });
    return { result, hashes };
  } finally {
    await pool.end();
  }
}

/**
 * Raw tracking lookups over `hashes`: either the single indexed point lookup, or the three
 * queries the app's track use case runs (the lookup, then events and attachments in parallel).
 */
export async function rawLookups(options: RawRunOptions & { hashes: Buffer[]; queries: 'lookup' | 'track' }): Promise<PhaseResult> {
  if (options.hashes.length === 0) throw new Error('no tracking hashes to look up');
  const pool = phasePool(options.connection, options.concurrency);
  let next = 0;
  try {
    return await loop(pool, options, async (connections) => {
      const hash = options.hashes[next++ % options.hashes.length];
      const { rows } = await connections.query<{ id: string }>(lookupSql, [hash]);
      const found = rows[0];
      if (!found) throw new Error('a stored tracking hash was not found');
      if (options.queries === 'track') {
        await Promise.all([connections.query(eventsSql, [found.id]), connections.query(attachmentsSql, [found.id])]);
      }
    });
  } finally {
    await pool.end();
  }
}

