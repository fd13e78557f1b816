import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { channels } from '../complaint/channel.js';
import { reporterChannelFor } from './outbox-channel.js';

describe('how the reporter is answered', () => {
  it('by mail, whatever channel the complaint came by, while mail is the only channel that sends', () => {
    for (const channel of channels) assert.equal(reporterChannelFor(channel), 'email');
  });
});
