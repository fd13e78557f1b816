import type { AppDeps } from '../deps.js';

/** Crockford's Base32: no I, L, O or U, so a code read off paper is hard to mistype. */
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const recoveryCodeCount = 10;

/** Ten codes of 50 random bits each, as XXXXX-XXXXX; shown once, stored only hashed. */
export function newRecoveryCodes(deps: Pick<AppDeps, 'random'>): string[] {
  return Array.from({ length: recoveryCodeCount }, () => {
    // 256 is a multiple of 32, so masking keeps every character equally likely.
    const characters = [...deps.random.bytes(10)].map((byte) => alphabet[byte & 31]).join('');
    return `${characters.slice(0, 5)}-${characters.slice(5)}`;
  });
}

/** What people type back: any case, with or without the dash, O for 0 and I or L for 1. */
export function canonicalRecoveryCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

export function looksLikeRecoveryCode(input: string): boolean {
  return /^[0-9A-HJKMNP-TV-Z]{10}$/.test(canonicalRecoveryCode(input));
}

/** Keyed by user, so the same code of two people never hashes alike. */
export function hashRecoveryCode(deps: Pick<AppDeps, 'keys'>, userId: number, code: string): Buffer {
  return Buffer.from(deps.keys.tag('recovery-code', `${userId}:${canonicalRecoveryCode(code)}`), 'hex');
}
