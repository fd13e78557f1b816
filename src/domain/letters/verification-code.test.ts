import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { displayVerificationCode, encodeVerificationCode, normalizeVerificationCode } from './verification-code.js';

describe('verification code', () => {
  it('is ten Crockford symbols from seven random bytes, shown in two groups', () => {
    const code = encodeVerificationCode(new Uint8Array([0xff, 0, 0x12, 0x34, 0x56, 0x78, 0x9a]));
    assert.match(code, /^[0-9A-HJKMNP-TV-Z]{10}$/);
    assert.match(displayVerificationCode(code), /^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    assert.notEqual(code, encodeVerificationCode(new Uint8Array([0xfe, 0, 0x12, 0x34, 0x56, 0x78, 0x9a])));
  });

  it('reads a code typed in lower case, with a dash or spaces, and with O for 0 and I or L for 1', () => {
    assert.equal(normalizeVerificationCode(' 7kq2m-x9dhf '), '7KQ2MX9DHF');
    assert.equal(normalizeVerificationCode('O1IL0-ABCDE'), '01110ABCDE');
  });

  it('refuses a code of the wrong length or with a letter Crockford leaves out', () => {
    assert.equal(normalizeVerificationCode('7KQ2MX9DH'), undefined);
    assert.equal(normalizeVerificationCode('7KQ2MX9DHU'), undefined);
  });
});
