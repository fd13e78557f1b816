import type { StaffActor } from '../../domain/access/policy.js';
import { insertStaffToken } from '../../store/staff-tokens.js';
import type { AppDeps } from '../deps.js';
import { newStaffTokenSecret } from './staff-token-secret.js';

export interface CreatedApiToken {
  id: number;
  name: string;
  /** Shown once; only its hash is stored. */
  token: string;
  createdAt: Date;
  expiresAt: Date | null;
}

/** A bearer token for an API client, acting as the person who made it, until revoked or expired. */
export async function createApiToken(deps: AppDeps, actor: StaffActor, input: { name: string; expiresInDays?: number }): Promise<CreatedApiToken> {
  const now = deps.clock.now();
  const expiresAt = input.expiresInDays === undefined ? null : new Date(now.getTime() + input.expiresInDays * 24 * 60 * 60 * 1000);
  const { token, tokenHash } = newStaffTokenSecret(deps);
  const id = await insertStaffToken(deps.db, { userId: actor.userId, kind: 'api', name: input.name, tokenHash, createdAt: now, expiresAt });
  return { id, name: input.name, token, createdAt: now, expiresAt };
}
