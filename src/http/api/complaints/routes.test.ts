import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { sql } from 'kysely';
import { caseDriver } from '../../../../test/support/case-driver.js';
import { aComplaint, filesInStore, startTestApp, type TestApp } from '../../../../test/support/test-app.js';

let t: TestApp;
let baseUrl: string;
before(async () => {
  t = await startTestApp();
  baseUrl = await t.app.listen({ host: '127.0.0.1', port: 0 });
});
after(() => t.close());

const { postComplaint, submit } = caseDriver(() => t);

const pdf = () => new Blob([Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n')], { type: 'application/pdf' });

const filesOnDisk = (): Promise<string[]> => filesInStore(t);

async function countRows(table: 'complaints' | 'attachments' | 'case_events'): Promise<number> {
  const result = await sql<{ count: number }>`select count(*)::int as count from ${sql.table(table)}`.execute(t.database.db);
  return result.rows[0]?.count ?? -1;
}

describe('POST /api/v1/complaints', () => {
  it('registers an anonymous complaint and answers with its number, a tracking code and completeness', async () => {
    const response = await postComplaint();
    assert.equal(response.statusCode, 201, response.body);
    const body = response.json();
    assert.match(body.registerNumber, /^\d{4}-\d{6}$/);
    assert.match(body.trackingCode, /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    assert.equal(body.status, 'received');
    assert.deepEqual(body.completeness, { score: 100, missing: [] });
  });

  it('gives consecutive register numbers', async () => {
    const first = await submit();
    const second = await submit();
    assert.equal(Number(second.registerNumber.slice(5)), Number(first.registerNumber.slice(5)) + 1);
  });

  it('tells the reporter which 5W1H facts are missing', async () => {
    const response = await postComplaint({ facts: { what: 'Jalan berlubang besar', where: 'Jl. Merdeka 10', when: '', who: '', how: '' } });
    assert.equal(response.statusCode, 201);
    assert.deepEqual(response.json().completeness, { score: 40, missing: ['when', 'who', 'how'] });
  });

  it('stores no tracking code and no identity in plain text', async () => {
    const secretName = 'Siti Rahmawati Unik';
    const response = await postComplaint({ identity: { mode: 'confidential', name: secretName, email: 'siti.unik@example.org', phone: '081234567890' } });
    assert.equal(response.statusCode, 201);
    const { trackingCode } = response.json();
    const dump = await sql<{ dump: string }>`
      select string_agg(t::text, '|') as dump from (
        select row_to_json(c)::text as t from complaints c
        union all select row_to_json(e)::text from case_events e
        union all select row_to_json(o)::text from outbox o) rows`.execute(t.database.db);
    const text = dump.rows[0]?.dump ?? '';
    assert.ok(text.length > 0);
    for (const secret of [secretName, 'siti.unik@example.org', '081234567890', trackingCode, trackingCode.replaceAll('-', '')]) {
      assert.ok(!text.includes(secret), `found ${secret} in the database`);
    }
    const outbox = await sql<{ recipient: unknown; template: string }>`select recipient, template from outbox`.execute(t.database.db);
    assert.ok(outbox.rows.some((row) => row.template === 'complaint.acknowledged'), 'an acknowledgement is queued for a reporter with an email address');
  });

  it('lists every invalid field as problem+json, rejects unknown fields, and stores nothing', async () => {
    const before = await countRows('complaints');
    const response = await t.app.inject({
      method: 'POST', url: '/api/v1/complaints', headers: { 'accept-language': 'en' },
      payload: { title: 'x', description: 'short', identity: { mode: 'nobody' }, facts: { what: 'a' }, colour: 'blue' },
    });
    assert.equal(response.statusCode, 400);
    assert.match(String(response.headers['content-type']), /^application\/problem\+json/);
    const problem = response.json();
    assert.equal(problem.status, 400);
    assert.equal(problem.type, '/problems/request.invalid');
    const pointers = problem.errors.map((error: { pointer: string }) => error.pointer);
    for (const pointer of ['/title', '/description', '/identity/mode', '/facts/where', '/colour']) assert.ok(pointers.includes(pointer), `${pointer} in ${pointers}`);
    assert.equal(problem.errors.find((error: { pointer: string }) => error.pointer === '/title').detail, 'At least 3 characters');
    assert.equal(await countRows('complaints'), before);
  });

  it('answers in Indonesian by default', async () => {
    const response = await postComplaint({ title: 'x' });
    assert.equal(response.json().title, 'Ada isian yang perlu diperbaiki');
  });

  it('asks a named reporter for a way to be answered', async () => {
    const response = await postComplaint({ identity: { mode: 'identified', name: 'Budi' } });
    assert.equal(response.statusCode, 400);
    assert.equal(response.json().errors[0].code, 'contact_required');
  });

  it('refuses identity fields on an anonymous complaint instead of keeping them', async () => {
    const response = await postComplaint({ identity: { mode: 'anonymous', name: 'Budi' } });
    assert.equal(response.statusCode, 400);
    assert.equal(response.json().errors[0].pointer, '/identity/name');
  });

  it('accepts only the web channel without staff authentication', async () => {
    const response = await postComplaint({ channel: 'letter' });
    assert.equal(response.statusCode, 403);
    assert.equal(response.json().code, 'intake.channel_requires_staff');
  });

  it('routes a complaint with a known category and refuses an unknown one', async () => {
    const known = await postComplaint({ category: 'service.time' });
    assert.equal(known.statusCode, 201);
    const unknown = await postComplaint({ category: 'no.such' });
    assert.equal(unknown.statusCode, 400);
    assert.equal(unknown.json().errors[0].pointer, '/category');
  });

  it('accepts attachments in a multipart submission and keeps their SHA-256 and sniffed type', async () => {
    const form = new FormData();
    form.append('complaint', JSON.stringify(aComplaint()));
    form.append('attachments', pdf(), 'bukti.pdf');
    const response = await fetch(`${baseUrl}/api/v1/complaints`, { method: 'POST', body: form });
    assert.equal(response.status, 201, await response.clone().text());
    const body = await response.json() as { registerNumber: string; trackingCode: string };
    const tracked = await t.app.inject({ method: 'POST', url: '/api/v1/track', payload: { registerNumber: body.registerNumber, trackingCode: body.trackingCode } });
    const [attachment] = tracked.json().complaint.attachments;
    assert.equal(attachment.fileName, 'bukti.pdf');
    assert.equal(attachment.mediaType, 'application/pdf');
    assert.match(attachment.sha256, /^[0-9a-f]{64}$/);
  });

  it('seals an identity document on disk and keeps no telling file name', async () => {
    const scan = Buffer.from('%PDF-1.4\nKTP SITI AMINAH NIK 3301234567890001\n%%EOF\n');
    const form = new FormData();
    form.append('complaint', JSON.stringify(aComplaint({ identity: { mode: 'confidential', name: 'Siti Aminah', phone: '081234567890' } })));
    form.append('identityDocuments', new Blob([scan]), 'KTP Siti Aminah.pdf');
    const before = new Set(await filesOnDisk());
    const response = await fetch(`${baseUrl}/api/v1/complaints`, { method: 'POST', body: form });
    assert.equal(response.status, 201, await response.clone().text());
    const added = (await filesOnDisk()).filter((path) => !before.has(path));
    assert.equal(added.length, 1);
    const onDisk = await readFile(added[0] ?? '');
    assert.ok(!onDisk.includes(Buffer.from('SITI AMINAH')), 'the scan is encrypted at rest');
    const names = await sql<{ fileName: string }>`select file_name as "fileName" from attachments where kind = 'identity_document'`.execute(t.database.db);
    assert.ok(names.rows.every((row) => !row.fileName.includes('Siti')));
  });

  it('judges a file by its content, not its name', async () => {
    const form = new FormData();
    form.append('complaint', JSON.stringify(aComplaint()));
    form.append('attachments', new Blob([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0])]), 'photo.jpg');
    const before = (await filesOnDisk()).length;
    const response = await fetch(`${baseUrl}/api/v1/complaints`, { method: 'POST', body: form });
    assert.equal(response.status, 415);
    assert.equal((await filesOnDisk()).length, before);
  });

  it('refuses an attachment of 10 MB + 1 byte and leaves no file and no row behind', async () => {
    const complaintsBefore = await countRows('complaints');
    const filesBefore = await filesOnDisk();
    const form = new FormData();
    form.append('complaint', JSON.stringify(aComplaint()));
    form.append('attachments', pdf(), 'ok.pdf');
    form.append('attachments', new Blob([Buffer.alloc(10 * 1024 * 1024 + 1, 0x41)]), 'big.txt');
    const response = await fetch(`${baseUrl}/api/v1/complaints`, { method: 'POST', body: form });
    assert.equal(response.status, 413);
    assert.match(response.headers.get('content-type') ?? '', /problem\+json/);
    assert.equal(await countRows('complaints'), complaintsBefore);
    assert.deepEqual(await filesOnDisk(), filesBefore);
  });

  it('accepts an attachment of exactly 10 MB', async () => {
    const form = new FormData();
    form.append('complaint', JSON.stringify(aComplaint()));
    form.append('attachments', new Blob([Buffer.alloc(10 * 1024 * 1024, 0x41)]), 'exactly-10mb.txt');
    const response = await fetch(`${baseUrl}/api/v1/complaints`, { method: 'POST', body: form });
    assert.equal(response.status, 201);
  });

  it('validates the JSON part of a multipart submission like a JSON body', async () => {
    const form = new FormData();
    form.append('complaint', JSON.stringify(aComplaint({ title: 'x', extra: 1 })));
    form.append('attachments', pdf(), 'bukti.pdf');
    const before = (await filesOnDisk()).length;
    const response = await fetch(`${baseUrl}/api/v1/complaints`, { method: 'POST', body: form });
    assert.equal(response.status, 400);
    const pointers = ((await response.json()) as { errors: { pointer: string }[] }).errors.map((error) => error.pointer);
    assert.deepEqual(pointers.sort(), ['/extra', '/title']);
    assert.equal((await filesOnDisk()).length, before);
  });

  it('answers 413 to a JSON body over 1 MB', async () => {
    const response = await postComplaint({ description: 'x'.repeat(1024 * 1024 + 1) });
    assert.equal(response.statusCode, 413);
    assert.equal(response.json().code, 'request.too_large');
  });

  it('keeps the register number gap-free when a submission fails after taking its number', async () => {
    const first = await submit();
    // A category that exists but whose unit was removed would fail late; simulate a late failure with a file the store cannot keep.
    const original = t.deps.files.putFromTempFile;
    t.deps.files.putFromTempFile = async () => { throw new Error('disk full'); };
    try {
      const form = new FormData();
      form.append('complaint', JSON.stringify(aComplaint()));
      form.append('attachments', pdf(), 'bukti.pdf');
      const failed = await fetch(`${baseUrl}/api/v1/complaints`, { method: 'POST', body: form });
      assert.equal(failed.status, 500);
    } finally {
      t.deps.files.putFromTempFile = original;
    }
    const next = await submit();
    assert.equal(Number(next.registerNumber.slice(5)), Number(first.registerNumber.slice(5)) + 1);
  });
});

describe('GET /healthz and the OpenAPI document', () => {
  it('answers 503 when the database does not answer', async () => {
    const down = await startTestApp();
    await down.database.close();
    try {
      const response = await down.app.inject({ method: 'GET', url: '/healthz' });
      assert.equal(response.statusCode, 503);
    } finally {
      await down.app.close();
    }
  });

  it('answers 200 while the database answers', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/healthz' });
    assert.equal(response.statusCode, 200);
  });

  it('describes the API as OpenAPI 3.1', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    assert.equal(response.statusCode, 200);
    const document = response.json();
    assert.equal(document.openapi, '3.1.0');
    for (const path of ['/api/v1/complaints', '/api/v1/track', '/api/v1/reporter/complaint', '/api/v1/reporter/attachments', '/api/v1/reporter/messages']) {
      assert.ok(document.paths[path], `${path} documented`);
    }
    const submit = document.paths['/api/v1/complaints'].post.requestBody.content;
    assert.deepEqual(Object.keys(submit).sort(), ['application/json', 'multipart/form-data']);
    assert.ok(submit['multipart/form-data'].schema.properties.attachments);
  });

  it('sends security headers', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/healthz' });
    assert.match(String(response.headers['content-security-policy']), /default-src 'self'/);
    assert.equal(response.headers['x-content-type-options'], 'nosniff');
  });
});
