import { revokeStaffTokenByHash } from '../../store/staff-tokens.js';
import type { AppDeps } from '../deps.js';
import { hashStaffToken } from './staff-token-secret.js';

/** Revokes the token the request came with; signing out twice is not an error. */
export async function signOutStaff(deps: AppDeps, token: string): Promise<void> {
  await revokeStaffTokenByHash(deps.db, hashStaffToken(deps, token), deps.clock.now());
}
