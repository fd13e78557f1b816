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

  it('turns mail off without SMTP_HOST and reads the SMTP settings with it', () => {
    const off = parseConfig({});
    assert.equal(off.smtp, undefined);
    assert.equal(off.worker, 'inline');
    const on = parseConfig({ SMTP_HOST: 'smtp.example.go.id', SMTP_USER: 'aduan', SMTP_PASSWORD: 'rahasia-smtp', MAIL_FROM: 'Aduan <aduan@example.go.id>', WORKER: 'off' });
    assert.deepEqual(on.smtp, { host: 'smtp.example.go.id', port: 587, secure: false, user: 'aduan', password: 'rahasia-smtp', from: 'Aduan <aduan@example.go.id>' });
    assert.equal(on.worker, 'off');
    assert.equal(parseConfig({ SMTP_HOST: 'h', SMTP_PORT: '465', MAIL_FROM: 'a@b.c' }).smtp?.secure, true);
  });

  it('names bad mail and worker settings without echoing the SMTP password', () => {
    assert.throws(
      () => parseConfig({ SMTP_HOST: 'h', SMTP_PORT: 'x', SMTP_SECURE: 'yes', SMTP_USER: 'u', WORKER: 'separate' }),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        for (const name of ['SMTP_PORT', 'SMTP_SECURE', 'SMTP_PASSWORD', 'MAIL_FROM', 'WORKER']) assert.match(error.message, new RegExp(name));
        return true;
      },
    );
  });
});
