import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Mailer } from '../../src/app/notifications/mailer.js';
import { startTestApp } from '../support/test-app.js';

/** A mail server that is configured; nothing is sent in these tests, only the form is read. */
const configuredMailer: Mailer = { isEnabled: true, send: async () => 'sent', close: () => undefined };

async function emailHint(mailer: Mailer | undefined, locale: 'id' | 'en'): Promise<string> {
  const t = await startTestApp(mailer ? { mailer } : {});
  try {
    const page = await t.app.inject({ method: 'GET', url: '/pengaduan/baru', headers: { cookie: `aduan_lang=${locale}` } });
    assert.equal(page.statusCode, 200);
    const hint = /id="email-hint"[^>]*>([^<]*)</.exec(page.body)?.[1];
    assert.ok(hint, 'the email field has a hint');
    return hint;
  } finally {
    await t.close();
  }
}

describe('what the form promises about mail', () => {
  it('promises the receipt and news by mail when the installation sends mail', async () => {
    assert.match(await emailHint(configuredMailer, 'id'), /Kami mengirim tanda terima dan kabar perkembangan ke sini/);
    assert.match(await emailHint(configuredMailer, 'en'), /We send the receipt and news about your complaint here/);
  });

  it('says no mail will be sent, and to keep the tracking code, when mail is off', async () => {
    const id = await emailHint(undefined, 'id');
    assert.doesNotMatch(id, /Kami mengirim/);
    assert.match(id, /tidak mengirim surel/);
    assert.match(id, /kode pelacakan/);
    const en = await emailHint(undefined, 'en');
    assert.match(en, /does not send email/);
    assert.match(en, /tracking code/);
  });
});
