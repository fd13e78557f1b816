import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { acceptsChannel, intakeActorOf, knowsReceivedAt } from './intake-source.js';

const officer = { kind: 'staff' as const, userId: 7, unitId: 1, roles: ['intake' as const], teamIds: [] };

describe('intake source', () => {
  it('the public may only use the web form', () => {
    assert.equal(acceptsChannel({ kind: 'public' }, 'web'), true);
    assert.equal(acceptsChannel({ kind: 'public' }, 'letter'), false);
  });

  it('a desk officer may record a complaint that came by any channel', () => {
    assert.equal(acceptsChannel({ kind: 'staff', officer }, 'letter'), true);
    assert.equal(acceptsChannel({ kind: 'staff', officer }, 'web'), true);
  });

  it('a channel adapter speaks for its own channel and no other', () => {
    assert.equal(acceptsChannel({ kind: 'adapter', adapter: 'whatsapp' }, 'whatsapp'), true);
    assert.equal(acceptsChannel({ kind: 'adapter', adapter: 'whatsapp' }, 'sms'), false);
  });

  it('the officer is recorded as the actor; the form and an adapter record the reporter', () => {
    assert.deepEqual(intakeActorOf({ kind: 'staff', officer }), { kind: 'staff', userId: 7 });
    assert.deepEqual(intakeActorOf({ kind: 'public' }), { kind: 'reporter' });
    assert.deepEqual(intakeActorOf({ kind: 'adapter', adapter: 'email' }), { kind: 'reporter' });
  });

  it('only the web form is always received now; an officer or an adapter may say when it arrived', () => {
    assert.equal(knowsReceivedAt({ kind: 'public' }), false);
    assert.equal(knowsReceivedAt({ kind: 'staff', officer }), true);
    assert.equal(knowsReceivedAt({ kind: 'adapter', adapter: 'email' }), true);
  });
});
