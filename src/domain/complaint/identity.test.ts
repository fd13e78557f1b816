import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkIdentity, identityInputOf, isIdentityShown, pseudonymFor } from './identity.js';
import { DomainError } from '../domain-error.js';

describe('reporter identity', () => {
  it('asks nothing of an anonymous reporter', () => {
    assert.doesNotThrow(() => checkIdentity({ mode: 'anonymous' }));
  });

  it('asks a named reporter for a way to be answered', () => {
    assert.throws(
      () => checkIdentity({ mode: 'identified', name: 'Siti Aminah' }),
      (error: unknown) => error instanceof DomainError && error.fields[0]?.code === 'contact_required',
    );
    assert.doesNotThrow(() => checkIdentity({ mode: 'confidential', name: 'Siti Aminah', phone: '081234567890' }));
  });

  it('checks that a NIK has 16 digits', () => {
    assert.throws(
      () => checkIdentity({ mode: 'identified', name: 'Siti', nik: '12345', email: 's@example.org' }),
      (error: unknown) => error instanceof DomainError && error.fields[0]?.pointer === '/identity/nik',
    );
  });

  it('gives a confidential reporter a short pseudonym', () => {
    assert.equal(pseudonymFor('k7qm2x9d'), 'Pelapor-K7QM2X');
  });
});

describe('what is kept and shown of a reporter', () => {
  it('keeps nothing of a name, NIK or contact sent with an anonymous report', () => {
    const given = { name: 'Siti Aminah', nik: '3171234567890123', email: 'siti@example.id', phone: '081234567890', address: 'Jl. Merdeka 1' };
    assert.deepEqual(identityInputOf('anonymous', given), { mode: 'anonymous' });
  });

  it('keeps the five identity fields of a named reporter and nothing else', () => {
    const given = { name: 'Siti Aminah', email: 'siti@example.id', extra: 'ignored' };
    assert.deepEqual(identityInputOf('confidential', given), {
      mode: 'confidential', name: 'Siti Aminah', nik: undefined, email: 'siti@example.id', phone: undefined, address: undefined,
    });
  });

  it('gives a named reporter who left the name out an empty name, for the check to refuse', () => {
    const kept = identityInputOf('identified', { phone: '081234567890' });
    assert.equal(kept.mode === 'identified' ? kept.name : undefined, '');
  });

  it('shows an identified reporter always, a confidential one only once unsealed, an anonymous one never', () => {
    assert.equal(isIdentityShown('identified', false), true);
    assert.equal(isIdentityShown('confidential', false), false);
    assert.equal(isIdentityShown('confidential', true), true);
    assert.equal(isIdentityShown('anonymous', true), false);
  });
});
