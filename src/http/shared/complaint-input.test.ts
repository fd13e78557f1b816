import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError } from '../../domain/domain-error.js';
import { complaintInputOf } from './complaint-input.js';
import type { SubmitComplaintBody } from './complaint-schemas.js';

const facts = { what: 'Jalan berlubang', where: 'Jl. Merdeka', when: 'Kemarin', who: '-', how: '-' };

describe('the mapping of a complaint body to the intake input', () => {
  it('keeps the reporter\'s words and defaults the channel to the web and publication to no', () => {
    const body = { title: 'Jalan rusak', description: 'Lubang besar', identity: { mode: 'identified', name: 'Sari', email: 'sari@example.id' }, facts } as SubmitComplaintBody;
    const input = complaintInputOf(body, { kind: 'public' }, [], []);
    assert.equal(input.title, 'Jalan rusak');
    assert.equal(input.channel, 'web');
    assert.equal(input.allowPublication, false);
    assert.deepEqual(input.identity, { mode: 'identified', name: 'Sari', nik: undefined, email: 'sari@example.id', phone: undefined, address: undefined });
    assert.deepEqual(input.submittedBy, { kind: 'public' });
  });

  it('gives an anonymous report no identity fields at all', () => {
    const body = { title: 'Pungli', description: 'Diminta uang', identity: { mode: 'anonymous' }, facts } as SubmitComplaintBody;
    assert.deepEqual(complaintInputOf(body, { kind: 'public' }, [], []).identity, { mode: 'anonymous' });
  });

  it('refuses an anonymous report that names its reporter, naming each field', () => {
    const body = { title: 'Pungli', description: 'Diminta uang', identity: { mode: 'anonymous', name: 'Sari', phone: '0812' }, facts } as SubmitComplaintBody;
    assert.throws(() => complaintInputOf(body, { kind: 'public' }, [], []), (error: unknown) => {
      assert.ok(error instanceof DomainError);
      assert.deepEqual(error.fields.map((field) => field.pointer), ['/identity/name', '/identity/phone']);
      return true;
    });
  });

  it('turns the officer\'s receipt time into a date', () => {
    const body = { title: 'Surat', description: 'Lewat pos', identity: { mode: 'anonymous' }, facts, channel: 'letter', receivedAt: '2026-03-02T08:00:00+07:00' } as SubmitComplaintBody;
    const input = complaintInputOf(body, { kind: 'staff', officer: { kind: 'staff', userId: 7, unitId: 1, roles: ['intake'], teamIds: [] } }, [], []);
    assert.equal(input.receivedAt?.toISOString(), '2026-03-02T01:00:00.000Z');
    assert.equal(input.channel, 'letter');
  });
});
