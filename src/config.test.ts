import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, parseConfig } from './config.js';

describe('parseConfig', () => {
  it('starts with sensible defaults on an empty environment', () => {
    const config = parseConfig({});
    assert.equal(config.host, '0.0.0.0');
    assert.equal(config.port, 3000);
    assert.match(config.dataDir, /data$/);
    assert.equal(config.databaseUrl, undefined);
    assert.equal(config.trustProxy, false);
  });

  it('names every bad variable in one message and never echoes the secret', () => {
    const secret = 'short-secret';
    assert.throws(
      () => parseConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', ADUAN_SECRET_KEY: secret, TRUST_PROXY: 'nonsense', ADUAN_ADMIN_EMAIL: 'a@b.c' }),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        for (const name of ['PORT', 'DATABASE_URL', 'ADUAN_SECRET_KEY', 'TRUST_PROXY', 'ADUAN_ADMIN_PASSWORD']) {
          assert.match(error.message, new RegExp(name));
        }
        assert.doesNotMatch(error.message, new RegExp(secret));
        return true;
      },
    );
  });

  it('reads TRUST_PROXY as a hop count, a flag or a list of addresses', () => {
    assert.equal(parseConfig({ TRUST_PROXY: '2' }).trustProxy, 2);
    assert.equal(parseConfig({ TRUST_PROXY: 'true' }).trustProxy, true);
    assert.deepEqual(parseConfig({ TRUST_PROXY: '10.0.0.1, 10.0.0.0/8' }).trustProxy, ['10.0.0.1', '10.0.0.0/8']);
  });
});
