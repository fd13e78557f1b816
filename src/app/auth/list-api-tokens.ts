import type { StaffActor } from '../../domain/access/policy.js';
import { listLiveApiTokens } from '../../store/staff-tokens.js';
import type { AppDeps } from '../deps.js';

export interface ApiTokenSummary {
  id: number;
  name: string;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
}

/** The caller's own live API tokens; the secrets cannot be listed, they were never stored. */
export async function listApiTokens(deps: AppDeps, actor: StaffActor): Promise<ApiTokenSummary[]> {
  const rows = await listLiveApiTokens(deps.db, actor.userId, deps.clock.now());
  return rows.map((row) => ({ id: row.id, name: row.name ?? '', createdAt: row.createdAt, expiresAt: row.expiresAt, lastUsedAt: row.lastUsedAt }));
}
