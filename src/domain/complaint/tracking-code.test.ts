import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { encodeTrackingCode, normalizeTrackingCode } from './tracking-code.js';
import { DomainError } from '../domain-error.js';

describe('tracking codes', () => {
  it('show 80 bits as four groups of four Crockford base32 symbols', () => {
    assert.equal(encodeTrackingCode(new Uint8Array(10)), '0000-0000-0000-0000');
    assert.equal(encodeTrackingCode(new Uint8Array(10).fill(255)), 'ZZZZ-ZZZZ-ZZZZ-ZZZZ');
    const code = encodeTrackingCode(Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]));
    assert.match(code, /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
  });

  it('differ for different random bytes (no two inputs collide)', () => {
    const a = encodeTrackingCode(Uint8Array.from([0, 0, 0, 0, 0, 0, 0, 0, 0, 1]));
    const b = encodeTrackingCode(Uint8Array.from([0, 0, 0, 0, 0, 0, 0, 0, 0, 2]));
    assert.notEqual(a, b);
    assert.equal(a, '0000-0000-0000-0001');
  });

  it('are read case-insensitively with I, L and O taken as 1, 1 and 0', () => {
    assert.equal(normalizeTrackingCode('k7qm-2x9d-hf4t-0wzr'), 'K7QM2X9DHF4T0WZR');
    assert.equal(normalizeTrackingCode('K7QM 2X9D HF4T OWZR'), 'K7QM2X9DHF4T0WZR');
    assert.equal(normalizeTrackingCode('IL00-0000-0000-0000'), '1100000000000000');
  });

  it('refuse input of the wrong length or with letters outside the alphabet', () => {
    for (const bad of ['', 'K7QM-2X9D-HF4T', 'K7QM-2X9D-HF4T-0WZU', 'K7QM-2X9D-HF4T-0WZR-1']) {
      assert.throws(() => normalizeTrackingCode(bad), DomainError);
    }
  });
});
