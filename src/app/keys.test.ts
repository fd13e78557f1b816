import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createKeys } from './keys.js';

const keys = createKeys(Buffer.from('a-test-secret-that-is-long-enough-123456'));

describe('keys derived from the server secret', () => {
  it('seal identity so that it reads back only with the same key and context', () => {
    const sealed = keys.seal(Buffer.from('Siti Aminah, 081234567890'), 'case-1');
    assert.ok(!sealed.includes(Buffer.from('Siti')));
    assert.equal(keys.unseal(sealed, 'case-1').toString(), 'Siti Aminah, 081234567890');
    assert.throws(() => keys.unseal(sealed, 'case-2'));
    assert.throws(() => createKeys(Buffer.from('another-secret-that-is-long-enough-1234')).unseal(sealed, 'case-1'));
  });

  it('hash a tracking code the same way every time, differently under another key', () => {
    const other = createKeys(Buffer.from('another-secret-that-is-long-enough-1234'));
    assert.deepEqual(keys.hashTrackingCode('K7QM2X9DHF4T0WZR'), keys.hashTrackingCode('K7QM2X9DHF4T0WZR'));
    assert.notDeepEqual(keys.hashTrackingCode('K7QM2X9DHF4T0WZR'), other.hashTrackingCode('K7QM2X9DHF4T0WZR'));
  });

  it('refuse a token whose payload was changed', () => {
    const token = keys.signToken('{"complaintId":"a","expiresAt":1}');
    assert.equal(keys.verifyToken(token), '{"complaintId":"a","expiresAt":1}');
    const [, signature] = token.split('.');
    const forged = `${Buffer.from('{"complaintId":"b","expiresAt":1}').toString('base64url')}.${signature}`;
    assert.equal(keys.verifyToken(forged), undefined);
  });
});
