// Each input the security probe found answered with a 500 (or plain JSON), one by one: each
// is now a 4xx problem+json naming the field, or a readable page on the form pages.
import assert from 'node:assert/strict';
import { connect, type AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { aComplaint, startTestApp, type TestApp } from '../support/test-app.js';
import { aStaffMember, rootUnitId } from '../support/staff.js';

let t: TestApp;
let admin: string;
let baseUrl: URL;

before(async () => {
  t = await startTestApp();
  admin = (await aStaffMember(t, { unitId: await rootUnitId(t), roles: ['admin', 'coordinator', 'intake'] })).authorization;
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  baseUrl = new URL(`http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`);
});
after(async () => { await t?.close(); });

interface Problem { type: string; title: string; status: number; errors?: { pointer: string; code: string; detail: string }[] }

function problemOf(response: LightMyRequestResponse, status: number): Problem {
  assert.equal(response.statusCode, status, response.body);
  assert.match(String(response.headers['content-type']), /^application\/problem\+json/);
  const problem = response.json<Problem>();
  assert.equal(problem.status, status);
  assert.ok(problem.type && problem.title);
  return problem;
}

const pointersOf = (problem: Problem) => (problem.errors ?? []).map((error) => error.pointer);

const postJson = (url: string, payload: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url, payload, headers: { 'content-type': 'application/json', ...headers } });

test('a NUL byte in a complaint, the login email or a search is a 400 naming the field', async () => {
  const complaint = problemOf(await postJson('/api/v1/complaints', JSON.stringify(aComplaint({ title: 'a\u0000b' }))), 400);
  assert.deepEqual(pointersOf(complaint), ['/title']);
  assert.match(complaint.errors?.[0]?.detail ?? '', /NUL/);
  const login = problemOf(await postJson('/api/v1/auth/login', JSON.stringify({ email: 'a\u0000b@aduan.test', password: 'x' })), 400);
  assert.deepEqual(pointersOf(login), ['/email']);
  const search = problemOf(await t.app.inject({ method: 'GET', url: '/api/v1/complaints?q=%00', headers: { authorization: admin } }), 400);
  assert.deepEqual(pointersOf(search), ['/querystring/q']);
  const page = await t.app.inject({ method: 'GET', url: '/publik?q=%00', headers: { accept: 'text/html' } });
  assert.equal(page.statusCode, 400);
  assert.match(String(page.headers['content-type']), /^text\/html/);
});

test('a lone surrogate in JSON text is a 400 naming the field, in English when asked', async () => {
  const problem = problemOf(await postJson('/api/v1/complaints', JSON.stringify(aComplaint({ facts: { ...aComplaint().facts as object, what: 'x\ud800' } })), { 'accept-language': 'en' }), 400);
  assert.deepEqual(pointersOf(problem), ['/facts/what']);
  assert.match(problem.errors?.[0]?.detail ?? '', /cannot be stored/);
});

test('integers beyond the database range and 1e309 are 400s naming the field', async () => {
  const auth = { authorization: admin };
  assert.deepEqual(pointersOf(problemOf(await t.app.inject({ method: 'GET', url: '/api/v1/complaints?unitId=99999999999999999999', headers: auth }), 400)), ['/querystring/unitId']);
  assert.deepEqual(pointersOf(problemOf(await t.app.inject({ method: 'GET', url: '/api/v1/complaints?limit=1e309', headers: auth }), 400)), ['/querystring/limit']);
  assert.deepEqual(pointersOf(problemOf(await t.app.inject({ method: 'GET', url: '/api/v1/admin/holidays?year=1e309', headers: auth }), 400)), ['/querystring/year']);
  const staffIds = problemOf(await postJson('/api/v1/complaints', JSON.stringify(aComplaint({ channel: 'walk_in', concernsStaffIds: ['HUGE'] })).replace('"HUGE"', '99999999999999999999'), auth), 400);
  assert.deepEqual(pointersOf(staffIds), ['/concernsStaffIds/0']);
  const token = problemOf(await postJson('/api/v1/auth/tokens', '{"name":"laporan","expiresInDays":1e309}', auth), 400);
  assert.deepEqual(pointersOf(token), ['/expiresInDays']);
  const user = problemOf(await postJson('/api/v1/admin/users', '{"email":"baru@aduan.test","name":"Baru","password":"kata-sandi-panjang-sekali","unitId":99999999999999999999,"roles":["intake"]}', auth), 400);
  assert.deepEqual(pointersOf(user), ['/unitId']);
});

test('a body of a type the route does not read is a 415, before any use case', async () => {
  const before = await t.deps.db.selectFrom('complaints').select((eb) => eb.fn.countAll().as('count')).executeTakeFirstOrThrow();
  for (const type of ['text/plain', 'text/plain; charset=utf-8', 'application/xml']) {
    problemOf(await t.app.inject({ method: 'POST', url: '/api/v1/complaints', payload: JSON.stringify(aComplaint()), headers: { 'content-type': type } }), 415);
  }
  problemOf(await postJson('/api/v1/auth/login', 'a=b', { 'content-type': 'application/x-www-form-urlencoded' }), 415);
  const after = await t.deps.db.selectFrom('complaints').select((eb) => eb.fn.countAll().as('count')).executeTakeFirstOrThrow();
  assert.equal(Number(after.count), Number(before.count));
});

const boundary = 'grenze';
const complaintPart = `--${boundary}\r\nContent-Disposition: form-data; name="complaint"\r\n\r\n${JSON.stringify(aComplaint())}\r\n`;

test('malformed multipart (no boundary, a wrong one, cut short) is a 4xx problem on the API and a page on the form', async () => {
  const bodies: [string, string][] = [
    ['multipart/form-data', `${complaintPart}--${boundary}--\r\n`],
    ['multipart/form-data; boundary=eine-andere', `${complaintPart}--${boundary}--\r\n`],
    [`multipart/form-data; boundary=${boundary}`, `${complaintPart}--${boundary}\r\nContent-Disposition: form-data; name="attachments"; filename="a.pdf"\r\n\r\n%PDF-1.4`],
    [`multipart/form-data; boundary=${boundary}`, `--${boundary}\r\nContent-Disposition: form-da`],
  ];
  for (const [type, payload] of bodies) {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/complaints', payload, headers: { 'content-type': type } });
    assert.ok(response.statusCode === 400 || response.statusCode === 415, `${type}: ${response.statusCode} ${response.body}`);
    problemOf(response, response.statusCode);
    const page = await t.app.inject({ method: 'POST', url: '/pengaduan/baru', payload, headers: { 'content-type': type, accept: 'text/html' } });
    assert.ok(page.statusCode >= 400 && page.statusCode < 500, `${type}: ${page.statusCode}`);
    assert.match(String(page.headers['content-type']), /^text\/html/);
  }
});

test('Fastify\'s own refusals are problem+json: bad percent-encoding, an over-long parameter, invalid JSON', async () => {
  const encoding = problemOf(await t.app.inject({ method: 'GET', url: '/api/v1/complaints/%ZZ', headers: { authorization: admin } }), 400);
  assert.deepEqual(pointersOf(encoding), ['/url']);
  problemOf(await t.app.inject({ method: 'GET', url: `/api/v1/complaints/${'1'.repeat(150)}`, headers: { authorization: admin } }), 414);
  problemOf(await postJson('/api/v1/auth/login', '{"email":'), 400);
});

test('headers over the limit get a 431 problem+json from the server itself', async () => {
  const answer = await new Promise<string>((resolve, reject) => {
    const socket = connect(Number(baseUrl.port), baseUrl.hostname);
    let received = '';
    socket.on('data', (chunk) => { received += chunk.toString('latin1'); });
    socket.on('end', () => resolve(received));
    socket.on('error', reject);
    socket.write(`GET /api/v1/auth/me HTTP/1.1\r\nHost: aduan.test\r\nX-Padding: ${'a'.repeat(40 * 1024)}\r\n\r\n`);
  });
  assert.match(answer, /^HTTP\/1\.1 431 /);
  assert.match(answer, /content-type: application\/problem\+json/i);
  const problem = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as Problem;
  assert.equal(problem.status, 431);
  assert.equal(problem.type, '/problems/request.header_too_large');
});

test('an uploaded file keeps its name without bidirectional or control characters', async () => {
  const payload = `${complaintPart}--${boundary}\r\nContent-Disposition: form-data; name="attachments"; filename="bukti\u202efdp.exe"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n%\r\n--${boundary}--\r\n`;
  const response = await t.app.inject({ method: 'POST', url: '/api/v1/complaints', payload: Buffer.from(payload, 'utf8'), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
  assert.equal(response.statusCode, 201, response.body);
  const stored = await t.deps.db.selectFrom('attachments').select('fileName').orderBy('id', 'desc').executeTakeFirstOrThrow();
  assert.equal(stored.fileName, 'buktifdp.exe');
});
