import type { StaffActor } from '../../domain/access/policy.js';
import { DomainError } from '../../domain/domain-error.js';
import { revokeApiToken as revokeStoredApiToken } from '../../store/staff-tokens.js';
import type { AppDeps } from '../deps.js';

/** Someone else's token answers as not found, so ids cannot be probed. */
export async function revokeApiToken(deps: AppDeps, actor: StaffActor, tokenId: number): Promise<void> {
  if (!(await revokeStoredApiToken(deps.db, actor.userId, tokenId, deps.clock.now()))) throw new DomainError('auth.token_not_found');
}
