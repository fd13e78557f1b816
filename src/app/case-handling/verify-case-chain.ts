import type { StaffActor } from '../../domain/access/policy.js';
import { caseEventDigest } from '../../store/case-events.js';
import type { AppDeps } from '../deps.js';
import { loadCase } from '../cases/load-case.js';

export interface ChainVerdict {
  isIntact: boolean;
  eventCount: number;
  /** The first event whose hash or link to the previous one does not match what is stored. */
  firstBrokenSequence: number | null;
  problem: 'content_changed' | 'link_broken' | 'sequence_gap' | null;
}

/** Recomputes a case's hash chain from the stored events and names the first broken link. */
export async function verifyCaseChain(deps: AppDeps, actor: StaffActor, complaintId: string): Promise<ChainVerdict> {
  await loadCase(deps.db, complaintId, { now: deps.clock.now(), forUpdate: false, viewer: actor });
  const rows = await deps.db.selectFrom('caseEvents').select(['sequence', 'type', 'actor', 'occurredAt', 'data', 'prevHash', 'hash'])
    .where('complaintId', '=', complaintId).orderBy('sequence').execute();
  let previous: Buffer | null = null;
  for (const [index, row] of rows.entries()) {
    const broken = (problem: ChainVerdict['problem']): ChainVerdict => ({ isIntact: false, eventCount: rows.length, firstBrokenSequence: row.sequence, problem });
    if (row.sequence !== index + 1) return broken('sequence_gap');
    if (!equalBytes(row.prevHash, previous)) return broken('link_broken');
    const digest = caseEventDigest({ complaintId, sequence: row.sequence, type: row.type, actor: row.actor, occurredAt: row.occurredAt, data: row.data, prevHash: row.prevHash });
    if (!digest.equals(row.hash)) return broken('content_changed');
    previous = row.hash;
  }
  return { isIntact: true, eventCount: rows.length, firstBrokenSequence: null, problem: null };
}

function equalBytes(a: Buffer | null, b: Buffer | null): boolean {
  return a === null || b === null ? a === b : a.equals(b);
}
