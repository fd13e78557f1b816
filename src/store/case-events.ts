import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor, CaseEvent, RecordedCaseEvent } from '../domain/case-event.js';
import { canonicalJson } from './canonical-json.js';
import type { Database } from './schema.js';

export interface AppendedCaseEvent {
  id: number;
  sequence: number;
  hash: Buffer;
}

/**
 * The bytes an event's hash covers: its place in the case, what happened, who did it, when,
 * and the previous event's hash. Key order is fixed here, not left to JSON.stringify of
 * whatever object came back from the database.
 */
export function caseEventDigest(input: {
  complaintId: string; sequence: number; type: string; actor: unknown; occurredAt: Date; data: unknown; prevHash: Buffer | null;
}): Buffer {
  const canonical = JSON.stringify([
    input.complaintId, input.sequence, input.type, canonicalJson(input.actor), input.occurredAt.toISOString(),
    canonicalJson(input.data), input.prevHash?.toString('hex') ?? null,
  ]);
  return createHash('sha256').update(canonical).digest();
}

/**
 * Appends events to a case's hash chain. The caller must hold the complaint row locked
 * (or have just inserted it) in the same transaction, so no two writers take one sequence.
 */
export async function appendCaseEvents(
  trx: Kysely<Database>,
  complaintId: string,
  actor: Actor,
  occurredAt: Date,
  events: readonly CaseEvent[],
): Promise<AppendedCaseEvent[]> {
  if (events.length === 0) return [];
  const last = await trx
    .selectFrom('caseEvents')
    .select(['sequence', 'hash'])
    .where('complaintId', '=', complaintId)
    .orderBy('sequence', 'desc')
    .limit(1)
    .executeTakeFirst();
  const inserted = await insertChain(trx, complaintId, actor, occurredAt, events, last ?? null);
  const sequence = (last?.sequence ?? 0) + events.length;
  await trx.updateTable('complaints').set({ lastEventSequence: sequence, updatedAt: occurredAt }).where('id', '=', complaintId).execute();
  return inserted;
}

/**
 * The first events of a case just inserted with `lastEventSequence = events.length`: nothing
 * to read before and nothing to update after. Submissions hold the register counter's row
 * lock until commit, so every statement saved here shortens the queue behind it.
 */
export async function startCaseEvents(
  trx: Kysely<Database>,
  complaintId: string,
  actor: Actor,
  occurredAt: Date,
  events: readonly CaseEvent[],
): Promise<AppendedCaseEvent[]> {
  return insertChain(trx, complaintId, actor, occurredAt, events, null);
}

async function insertChain(
  trx: Kysely<Database>,
  complaintId: string,
  actor: Actor,
  occurredAt: Date,
  events: readonly CaseEvent[],
  last: { sequence: number; hash: Buffer } | null,
): Promise<AppendedCaseEvent[]> {
  let sequence = last?.sequence ?? 0;
  let prevHash = last?.hash ?? null;
  const rows = events.map((event) => {
    sequence += 1;
    const hash = caseEventDigest({ complaintId, sequence, type: event.type, actor, occurredAt, data: event.data, prevHash });
    const row = {
      complaintId, sequence, type: event.type, actor: JSON.stringify(actor), occurredAt,
      data: JSON.stringify(event.data), prevHash, hash,
    };
    prevHash = hash;
    return row;
  });
  if (rows.length === 0) return [];
  return trx.insertInto('caseEvents').values(rows).returning(['id', 'sequence', 'hash']).execute();
}

export async function listCaseEvents(db: Kysely<Database>, complaintId: string): Promise<RecordedCaseEvent[]> {
  const rows = await db
    .selectFrom('caseEvents')
    .select(['sequence', 'type', 'actor', 'occurredAt', 'data'])
    .where('complaintId', '=', complaintId)
    .orderBy('sequence')
    .execute();
  // The catalogue is append-only, so a stored type is always one the code knows.
  return rows.map((row) => ({ sequence: row.sequence, type: row.type, actor: row.actor, occurredAt: row.occurredAt, data: row.data }) as RecordedCaseEvent);
}
