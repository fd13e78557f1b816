import type { Kysely } from 'kysely';
import { DomainError } from '../../domain/domain-error.js';
import { lockIntegrityGuard } from '../../store/integrity-guard.js';
import type { Database } from '../../store/schema.js';
import { countWhistleblowingCasesSeenByNobody } from '../../store/staff-directory.js';

/**
 * For an administrative change that can take people out of the integrity team (deactivating the
 * team or a member, changing its members, flag or a member's roles): taken first in the
 * transaction, and the returned check run after the change. It refuses the change if it would
 * leave any whistleblowing case, open or closed, visible to nobody (issue 10). A case nobody
 * could see before the change (data older than this rule) does not block unrelated changes.
 */
export async function guardWhistleblowingVisibility(trx: Kysely<Database>): Promise<() => Promise<void>> {
  await lockIntegrityGuard(trx, 'update');
  const unseenBefore = await countWhistleblowingCasesSeenByNobody(trx);
  return async () => {
    const unseenAfter = await countWhistleblowingCasesSeenByNobody(trx);
    if (unseenAfter > unseenBefore) throw new DomainError('whistleblowing.integrity_team_needed', { cases: unseenAfter - unseenBefore });
  };
}
