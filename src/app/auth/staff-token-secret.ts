import type { AppDeps } from '../deps.js';

/** The prefix lets secret scanners (and people) recognise a leaked Aduan token. */
const prefix = 'aduan_';

/** 32 random bytes, shown once; only their keyed hash is stored. */
export function newStaffTokenSecret(deps: Pick<AppDeps, 'random' | 'keys'>): { token: string; tokenHash: Buffer } {
  const token = prefix + Buffer.from(deps.random.bytes(32)).toString('base64url');
  return { token, tokenHash: hashStaffToken(deps, token) };
}

export function hashStaffToken(deps: Pick<AppDeps, 'keys'>, token: string): Buffer {
  return Buffer.from(deps.keys.tag('staff-token', token), 'hex');
}
