/**
 * The verification code printed on a letter (kode verifikasi): 50 random bits as ten Crockford
 * base32 characters, shown as two groups, e.g. `7KQ2M-X9DHF`. Not a secret: it only opens
 * the public facts of one letter, and is long enough that guessing one is pointless.
 */
export const verificationCodeBytes = 7;

const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const confusable: Record<string, string> = { I: '1', L: '1', O: '0' };

/** The canonical form, as stored: ten symbols, no dash. */
export function encodeVerificationCode(randomBytes: Uint8Array): string {
  if (randomBytes.length !== verificationCodeBytes) throw new RangeError(`a verification code needs ${verificationCodeBytes} random bytes`);
  let bits = 0n;
  for (const byte of randomBytes) bits = (bits << 8n) | BigInt(byte);
  let symbols = '';
  for (let index = 9; index >= 0; index--) symbols += alphabet[Number((bits >> BigInt(index * 5)) & 31n)];
  return symbols;
}

/** As printed and read aloud: `7KQ2M-X9DHF`. */
export function displayVerificationCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** What someone typed, in canonical form (case, dashes and spaces ignored; I/L read as 1, O as 0), or undefined. */
export function normalizeVerificationCode(input: string): string | undefined {
  const symbols = input.toUpperCase().replace(/[\s-]/g, '').replace(/[ILO]/g, (letter) => confusable[letter] ?? letter);
  if (symbols.length !== 10 || [...symbols].some((symbol) => !alphabet.includes(symbol))) return undefined;
  return symbols;
}
