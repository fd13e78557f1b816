import { generateURI, ScureBase32Plugin, verify } from 'otplib';
import type { AppDeps } from '../deps.js';

const issuer = 'Aduan';
const base32 = new ScureBase32Plugin();

/** 20 bytes (160 bits, RFC 4226's recommendation) from deps.random, Base32 as authenticator apps expect. */
export function newTotpSecret(deps: Pick<AppDeps, 'random'>): string {
  return base32.encode(deps.random.bytes(20), { padding: false });
}

export function totpUri(secret: string, accountEmail: string): string {
  return generateURI({ issuer, label: accountEmail, secret });
}

/** Accepts the current 30-second step and one on either side, for clocks that drift a little. */
export async function isValidTotpCode(secret: string, code: string, now: Date): Promise<boolean> {
  if (!/^[0-9]{6}$/.test(code)) return false;
  const result = await verify({ secret, token: code, epoch: Math.floor(now.getTime() / 1000), epochTolerance: 30 });
  return result.valid;
}

export function sealTotpSecret(deps: Pick<AppDeps, 'keys'>, userId: number, secret: string): Buffer {
  return deps.keys.seal(Buffer.from(secret, 'utf8'), `totp:${userId}`);
}

export function unsealTotpSecret(deps: Pick<AppDeps, 'keys'>, userId: number, sealed: Buffer): string {
  return deps.keys.unseal(sealed, `totp:${userId}`).toString('utf8');
}
