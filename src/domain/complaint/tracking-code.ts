import { DomainError } from '../domain-error.js';

/**
 * The tracking code (kode pelacakan): 80 random bits as 16 Crockford base32 characters in
 * four groups, e.g. `K7QM-2X9D-HF4T-0WZR`. The random bytes are passed in: the domain
 * has no source of chance of its own.
 */
export const trackingCodeBytes = 10;

const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const confusable: Record<string, string> = { I: '1', L: '1', O: '0' };

export function encodeTrackingCode(randomBytes: Uint8Array): string {
  if (randomBytes.length !== trackingCodeBytes) throw new RangeError(`a tracking code needs ${trackingCodeBytes} random bytes`);
  let bits = 0n;
  for (const byte of randomBytes) bits = (bits << 8n) | BigInt(byte);
  let symbols = '';
  for (let index = 15; index >= 0; index--) symbols += alphabet[Number((bits >> BigInt(index * 5)) & 31n)];
  return symbols.match(/.{4}/g)!.join('-');
}

/**
 * Returns the canonical 16 symbols (no dashes, upper case) of what a reporter typed:
 * case is ignored, I/L read as 1, O as 0, and spaces or dashes may be anywhere.
 */
export function normalizeTrackingCode(input: string): string {
  const symbols = input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/[ILO]/g, (letter) => confusable[letter] ?? letter);
  if (symbols.length !== 16 || [...symbols].some((symbol) => !alphabet.includes(symbol))) {
    throw new DomainError('tracking_code.invalid');
  }
  return symbols;
}
