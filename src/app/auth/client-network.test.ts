import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { clientNetworkOf } from './client-network.js';

describe('the network a sign-in attempt counts against', () => {
  it('is an IPv4 address itself, also when written IPv4-mapped', () => {
    assert.equal(clientNetworkOf('203.0.113.9'), '203.0.113.9');
    assert.equal(clientNetworkOf('::ffff:203.0.113.9'), '203.0.113.9');
  });

  it('is the /64 of an IPv6 address, however it is written, so hopping within it does not start afresh', () => {
    assert.equal(clientNetworkOf('2001:db8:1:2:aaaa::1'), '2001:db8:1:2::/64');
    assert.equal(clientNetworkOf('2001:0db8:0001:0002:bbbb:cccc:dddd:eeee'), '2001:db8:1:2::/64');
    assert.equal(clientNetworkOf('2001:db8::1'), '2001:db8:0:0::/64');
    assert.equal(clientNetworkOf('::1'), '0:0:0:0::/64');
  });
});
