import { requireCapability } from '../../domain/access/capabilities.js';
import { adminAuditDigest, readAdminAuditChain } from '../../store/admin-audit.js';
import type { AppDeps } from '../deps.js';
import type { AdminActor } from './admin-actor.js';

export interface AdminAuditVerdict {
  isIntact: boolean;
  /** Entries read up to the verdict: all of them when intact. */
  entriesChecked: number;
  /** The first entry whose hash or link to the previous one does not match what is stored. */
  firstBrokenSequence: number | null;
  problem: 'content_changed' | 'link_broken' | 'sequence_gap' | null;
}

const batchSize = 1000;

/**
 * Recomputes the whole administration log's hash chain, a thousand entries at a time so a
 * long history does not sit in memory at once, and names the first broken link. Like the case
 * chains it cannot see entries cut off the end; the count of an intact chain is there to compare with a copy.
 */
export async function verifyAdminAuditChain(deps: AppDeps, actor: AdminActor): Promise<AdminAuditVerdict> {
  requireCapability(actor, 'read_audit_log');
  let lastSequence = 0;
  let lastHash: Buffer | null = null;
  for (;;) {
    const links = await readAdminAuditChain(deps.db, lastSequence, batchSize);
    for (const link of links) {
      const broken = (problem: AdminAuditVerdict['problem']): AdminAuditVerdict => ({ isIntact: false, entriesChecked: lastSequence + 1, firstBrokenSequence: link.sequence, problem });
      if (link.sequence !== lastSequence + 1) return broken('sequence_gap');
      if (!equalBytes(link.prevHash, lastHash)) return broken('link_broken');
      if (!adminAuditDigest(link).equals(link.hash)) return broken('content_changed');
      lastSequence = link.sequence;
      lastHash = link.hash;
    }
    if (links.length < batchSize) return { isIntact: true, entriesChecked: lastSequence, firstBrokenSequence: null, problem: null };
  }
}

function equalBytes(a: Buffer | null, b: Buffer | null): boolean {
  return a === null || b === null ? a === b : a.equals(b);
}
