import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { aComplaint, fixedClock, startTestApp, type TestApp } from '../../../../test/support/test-app.js';

let t: TestApp;
let baseUrl: string;
const clock = fixedClock(new Date('2026-03-13T02:00:00Z'));
let submitted: { registerNumber: string; trackingCode: string };

before(async () => {
  t = await startTestApp({ clock, server: { limits: { submissionsPerHour: 10_000, trackingFailuresPer15Min: 5 }, trustProxy: true } });
  baseUrl = await t.app.listen({ host: '127.0.0.1', port: 0 });
  const answer = (await t.app.inject({ method: 'POST', url: '/api/v1/complaints', payload: aComplaint({ title: 'Antrean layanan terlalu lama' }) })).json();
  submitted = { registerNumber: answer.registerNumber, trackingCode: answer.trackingCode };
});
after(() => t.close());

const track = (payload: object, client = '198.51.100.1') =>
  t.app.inject({ method: 'POST', url: '/api/v1/track', payload, headers: { 'x-forwarded-for': client } });

describe('POST /api/v1/track', () => {
  it('opens the case for its register number and tracking code, acknowledgement first', async () => {
    const response = await track(submitted);
    assert.equal(response.statusCode, 200, response.body);
    const { complaint, accessToken } = response.json();
    assert.equal(complaint.registerNumber, submitted.registerNumber);
    assert.equal(complaint.title, 'Antrean layanan terlalu lama');
    assert.deepEqual(complaint.status, { code: 'received', label: { id: 'Diterima', en: 'Received' } });
    assert.equal(complaint.history[0].kind, 'acknowledged');
    assert.equal(complaint.history[0].registerNumber, submitted.registerNumber);
    assert.ok(accessToken.length > 20);
  });

  it('reads the code as people type it: lower case, no dashes, O for 0', async () => {
    const typed = submitted.trackingCode.toLowerCase().replaceAll('-', ' ').replaceAll('0', 'o');
    assert.equal((await track({ registerNumber: submitted.registerNumber.toLowerCase(), trackingCode: typed })).statusCode, 200);
  });

  it('answers a wrong code and an unknown number with the same 404 body', async () => {
    const wrongCode = await track({ registerNumber: submitted.registerNumber, trackingCode: 'AAAA-BBBB-CCCC-DDDD' }, '198.51.100.2');
    const unknownNumber = await track({ registerNumber: '2026-999999', trackingCode: submitted.trackingCode }, '198.51.100.2');
    const malformed = await track({ registerNumber: 'hello', trackingCode: 'UUUU' }, '198.51.100.2');
    assert.equal(wrongCode.statusCode, 404);
    assert.equal(unknownNumber.statusCode, 404);
    assert.equal(malformed.statusCode, 404);
    assert.equal(wrongCode.body, unknownNumber.body);
    assert.equal(wrongCode.body, malformed.body);
  });

  it('slows a guessing client with 429 after repeated wrong pairs, but not other clients', async () => {
    const guesser = '198.51.100.3';
    for (let attempt = 0; attempt < 5; attempt++) {
      assert.equal((await track({ registerNumber: submitted.registerNumber, trackingCode: `AAAA-BBBB-CCCC-DDD${attempt}` }, guesser)).statusCode, 404);
    }
    const blocked = await track(submitted, guesser);
    assert.equal(blocked.statusCode, 429);
    assert.ok(Number(blocked.headers['retry-after']) > 0);
    assert.equal((await track(submitted, '198.51.100.4')).statusCode, 200);
  });
});

describe('the reporter endpoints with the access token', () => {
  const tokenFor = async () => (await track(submitted, '198.51.100.9')).json().accessToken as string;

  it('show the same view as tracking', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/reporter/complaint', headers: { authorization: `Bearer ${await tokenFor()}` } });
    assert.equal(response.statusCode, 200);
    assert.equal(response.json().registerNumber, submitted.registerNumber);
  });

  it('refuse a missing, forged or expired token with 401', async () => {
    const token = await tokenFor();
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/reporter/complaint' })).statusCode, 401);
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/reporter/complaint', headers: { authorization: `Bearer ${token}x` } })).statusCode, 401);
    clock.advanceMs(31 * 60 * 1000);
    try {
      const expired = await t.app.inject({ method: 'GET', url: '/api/v1/reporter/complaint', headers: { authorization: `Bearer ${token}` } });
      assert.equal(expired.statusCode, 401);
      assert.equal(expired.json().code, 'reporter.token_invalid');
    } finally {
      clock.advanceMs(-31 * 60 * 1000);
    }
  });

  it('add a message that then shows in the history', async () => {
    const response = await t.app.inject({
      method: 'POST', url: '/api/v1/reporter/messages', headers: { authorization: `Bearer ${await tokenFor()}` },
      payload: { text: 'Saya juga punya foto antrean pada hari itu.' },
    });
    assert.equal(response.statusCode, 201, response.body);
    const last = response.json().history.at(-1);
    assert.deepEqual({ kind: last.kind, text: last.text }, { kind: 'message_from_reporter', text: 'Saya juga punya foto antrean pada hari itu.' });
  });

  it('add evidence files, each an event in the history', async () => {
    const form = new FormData();
    form.append('attachments', new Blob([Buffer.from('Catatan kejadian: antre 3 jam.\n')]), 'catatan.txt');
    const response = await fetch(`${baseUrl}/api/v1/reporter/attachments`, { method: 'POST', body: form, headers: { authorization: `Bearer ${await tokenFor()}` } });
    assert.equal(response.status, 201, await response.clone().text());
    const view = await response.json() as { history: { kind: string; fileName?: string }[]; attachments: { fileName: string; mediaType: string }[] };
    assert.equal(view.history.at(-1)?.kind, 'attachment_added');
    assert.deepEqual(view.attachments.map((attachment) => [attachment.fileName, attachment.mediaType]), [['catatan.txt', 'text/plain']]);
  });
});
