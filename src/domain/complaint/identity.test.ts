import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkIdentity, pseudonymFor } from './identity.js';
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
