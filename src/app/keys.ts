import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Everything derived from the server secret. Each purpose gets its own key (HKDF), so the
 * tracking-code hash key can never decrypt an identity and vice versa.
 */
export interface Keys {
  /** HMAC-SHA-256 of a canonical tracking code: the only form in which it is stored. */
  hashTrackingCode(canonicalCode: string): Buffer;
  /** AES-256-GCM; `context` (e.g. the complaint id) is bound as associated data. */
  seal(plaintext: Buffer, context: string): Buffer;
  unseal(sealed: Buffer, context: string): Buffer;
  /** A short keyed tag, e.g. to derive a stable pseudonym from a case id. */
  tag(purpose: string, value: string): string;
  signToken(payload: string): string;
  verifyToken(token: string): string | undefined;
  /** Identifies the key without revealing it, to detect a start with the wrong key. */
  fingerprint: string;
}

const sealVersion = 1;

export function createKeys(secret: Buffer): Keys {
  const derive = (purpose: string): Buffer => Buffer.from(hkdfSync('sha256', secret, 'aduan', purpose, 32));
  const trackingKey = derive('tracking-code-hash');
  const sealKey = derive('identity-seal');
  const tagKey = derive('tag');
  const tokenKey = derive('reporter-token');
  const fingerprint = createHmac('sha256', derive('fingerprint')).update('aduan').digest('hex').slice(0, 16);

  const mac = (key: Buffer, value: string): Buffer => createHmac('sha256', key).update(value).digest();

  return {
    fingerprint,
    hashTrackingCode: (canonicalCode) => mac(trackingKey, canonicalCode),
    seal(plaintext, context) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', sealKey, iv);
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
      return Buffer.concat([Buffer.from([sealVersion]), iv, cipher.getAuthTag(), body]);
    },
    unseal(sealed, context) {
      if (sealed[0] !== sealVersion) throw new Error('unknown seal version');
      const decipher = createDecipheriv('aes-256-gcm', sealKey, sealed.subarray(1, 13));
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(sealed.subarray(13, 29));
      return Buffer.concat([decipher.update(sealed.subarray(29)), decipher.final()]);
    },
    tag: (purpose, value) => mac(tagKey, `${purpose}:${value}`).toString('hex'),
    signToken(payload) {
      const body = Buffer.from(payload, 'utf8').toString('base64url');
      return `${body}.${mac(tokenKey, body).toString('base64url')}`;
    },
    verifyToken(token) {
      const [body, signature] = token.split('.');
      if (!body || !signature) return undefined;
      const expected = mac(tokenKey, body);
      const given = Buffer.from(signature, 'base64url');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
      return Buffer.from(body, 'base64url').toString('utf8');
    },
  };
}
