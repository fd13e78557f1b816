// Sends malformed input to every operation the OpenAPI document lists, anonymously and as an
// administrator, and to the public form pages: nothing may answer 5xx, and every refusal of
// the API must be problem+json. The inputs are a fixed list (no randomness), so a failure
// names the request that caused it and reruns identically.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { aComplaint, startTestApp, type TestApp } from '../support/test-app.js';
import { aStaffMember, rootUnitId } from '../support/staff.js';

type Schema = Record<string, unknown>;
interface Operation { method: string; path: string; parameters: { in: string; name: string }[]; content: Record<string, { schema?: Schema }> }

let t: TestApp;
let adminAuthorization: string;
let operations: Operation[];

before(async () => {
  t = await startTestApp();
  adminAuthorization = (await aStaffMember(t, { unitId: await rootUnitId(t), roles: ['admin', 'coordinator', 'intake'] })).authorization;
  const document = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json<{ paths: Record<string, Record<string, { parameters?: { in: string; name: string }[]; requestBody?: { content: Operation['content'] } }>> }>();
  operations = Object.entries(document.paths).flatMap(([path, item]) => Object.entries(item).map(([method, operation]) => ({
    method: method.toUpperCase(), path, parameters: operation.parameters ?? [], content: operation.requestBody?.content ?? {},
  })));
  // Signing out ends the administrator's session: that one goes last.
  operations.sort((a, b) => Number(a.path.endsWith('/logout')) - Number(b.path.endsWith('/logout')));
});
after(async () => { await t?.close(); });

/** Path and query values, already percent-encoded as they travel. */
const hostileTexts = ['%00', 'a%00b', '%ED%A0%80', '%ZZ', '99999999999999999999', '-99999999999999999999', '1e309', 'Infinity', '-1', '1.5', 'x'.repeat(300)];
const rawNumbers = ['1e309', '99999999999999999999', '-9223372036854775809', '2147483648'];
const hostileStrings = ['a\u0000b', '\ud800', 'b\udfffa'];

/** A value of the schema's shape: valid where that is easy, so mutations reach deeper. */
function sample(schema: Schema | undefined, depth = 0): unknown {
  if (!schema || depth > 6) return 'x';
  if (Array.isArray(schema.anyOf)) return sample((schema.anyOf as Schema[]).find((s) => s.type !== 'null') ?? {}, depth + 1);
  if (Array.isArray(schema.oneOf)) return sample((schema.oneOf as Schema[])[0], depth + 1);
  if (Array.isArray(schema.enum)) return schema.enum[0];
  if ('const' in schema) return schema.const;
  const type = Array.isArray(schema.type) ? (schema.type as string[]).find((kind) => kind !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const properties = (schema.properties ?? {}) as Record<string, Schema>;
      return Object.fromEntries(Object.entries(properties).map(([name, property]) => [name, sample(property, depth + 1)]));
    }
    case 'array': return [sample(schema.items as Schema, depth + 1)];
    case 'integer': return typeof schema.minimum === 'number' ? schema.minimum : 1;
    case 'number': return typeof schema.minimum === 'number' ? schema.minimum : 1;
    case 'boolean': return true;
    case 'string': {
      if (schema.format === 'date') return '2026-03-02';
      if (schema.format === 'date-time') return '2026-03-02T09:00:00.000Z';
      if (schema.format === 'email') return 'orang@aduan.test';
      const minLength = typeof schema.minLength === 'number' ? schema.minLength : 1;
      return 'contoh teks '.padEnd(Math.max(minLength, 12), 'x');
    }
    default: return 'x';
  }
}

/** Every place a value sits in a sample, as a list of keys. */
function leaves(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((item, index) => leaves(item, [...path, index]));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => leaves(item, [...path, key]));
  return [path];
}

function withLeaf(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  copy[head] = withLeaf(copy[head], rest, replacement);
  return copy;
}

/** JSON text in which one value is written raw, to send numbers JSON.stringify cannot (1e309). */
function jsonWithRaw(value: unknown, path: (string | number)[], raw: string): string {
  return JSON.stringify(withLeaf(value, path, '\u0001RAW\u0001')).replace('"\\u0001RAW\\u0001"', raw);
}

const boundary = 'fuzzgrenze';
function multipart(parts: { name: string; value: string; fileName?: string }[], end = true): string {
  const body = parts.map((part) => `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"${part.fileName === undefined ? '' : `; filename="${part.fileName}"`}\r\n` +
    `${part.fileName === undefined ? '' : 'Content-Type: application/pdf\r\n'}\r\n${part.value}\r\n`).join('');
  return end ? `${body}--${boundary}--\r\n` : body.slice(0, -20);
}

function requestsFor(operation: Operation): InjectOptions[] {
  const method = operation.method as InjectOptions['method'];
  const pathWith = (values: Record<string, string>): string => operation.path.replace(/\{(\w+)\}/g, (_match, name: string) => values[name] ?? '1');
  const pathParams = operation.parameters.filter((parameter) => parameter.in === 'path').map((parameter) => parameter.name);
  const queryParams = operation.parameters.filter((parameter) => parameter.in === 'query').map((parameter) => parameter.name);
  const url = pathWith({});
  const requests: InjectOptions[] = [];
  for (const name of pathParams) for (const text of hostileTexts) requests.push({ method, url: pathWith({ [name]: text }) });
  for (const name of queryParams) for (const text of hostileTexts) requests.push({ method, url: `${url}?${name}=${text}` });

  const jsonSchema = operation.content['application/json']?.schema;
  const body = operation.path === '/api/v1/complaints' && operation.method === 'POST' ? aComplaint() : sample(jsonSchema);
  const json = (payload: string, contentType = 'application/json'): InjectOptions => ({ method, url, payload, headers: { 'content-type': contentType } });
  if (jsonSchema) {
    for (const leaf of leaves(body)) {
      for (const text of hostileStrings) requests.push(json(JSON.stringify(withLeaf(body, leaf, text))));
      for (const raw of rawNumbers) requests.push(json(jsonWithRaw(body, leaf, raw)));
    }
    // A string as a key, too: the object's own names reach the validator as text.
    requests.push(json(JSON.stringify({ ...(body as object), 'a\u0000b': 1 })));
  }
  if (method !== 'GET' && method !== 'DELETE') {
    const text = JSON.stringify(body);
    requests.push(json(text, 'text/plain'), json(text, 'text/plain; charset=utf-8'), json('a=b&c=%00', 'application/x-www-form-urlencoded'),
      json('{"title":', 'application/json'), json('', 'application/json'), json('null'), json('[]'), json('"\\ud800"'), json('1e309'),
      json(text, 'application/xml'), json(text, 'application/json; charset=latin1'),
      json(multipart([{ name: 'complaint', value: text }]), 'multipart/form-data'),
      json(multipart([{ name: 'complaint', value: text }]), 'multipart/form-data; boundary=eine-andere'),
      json(multipart([{ name: 'complaint', value: text }, { name: 'attachments', value: '%PDF-1.4 x', fileName: 'a.pdf' }], false), `multipart/form-data; boundary=${boundary}`),
      json(multipart([{ name: 'complaint', value: JSON.stringify(withLeaf(body, ['title'], 'a\u0000b')) }]), `multipart/form-data; boundary=${boundary}`),
      json(multipart([{ name: 'complaint', value: text }, { name: 'attachments', value: '%PDF-1.4 x', fileName: 'a\u202etxt.exe\u0000' }]), `multipart/form-data; boundary=${boundary}`),
      json(multipart(Array.from({ length: 30 }, (_unused, index) => ({ name: 'attachments', value: '%PDF-1.4 x', fileName: `${index}.pdf` }))), `multipart/form-data; boundary=${boundary}`),
      json(multipart([{ name: 'a\u0000b', value: 'x' }]), `multipart/form-data; boundary=${boundary}`));
  }
  return requests;
}

function describe(request: InjectOptions, response: LightMyRequestResponse): string {
  const payload = typeof request.payload === 'string' ? JSON.stringify(request.payload.slice(0, 160)) : '';
  return `${String(request.method)} ${String(request.url).slice(0, 120)} [${String(request.headers?.['content-type'] ?? '')}] ${payload} → ${response.statusCode} ${String(response.headers['content-type'] ?? '')} ${response.body.slice(0, 160)}`;
}

test('no malformed request to any API operation gets a 5xx, and every refusal is problem+json', async () => {
  assert.ok(operations.length > 40, 'the OpenAPI document lists the operations');
  const failures: string[] = [];
  let sent = 0;
  for (const authorization of [undefined, adminAuthorization]) {
    for (const operation of operations) {
      for (const request of requestsFor(operation)) {
        const headers = { ...(request.headers as Record<string, string> | undefined), ...(authorization ? { authorization } : {}) };
        const response = await t.app.inject({ ...request, headers });
        sent += 1;
        if (response.statusCode >= 500) failures.push(describe(request, response));
        else if (response.statusCode >= 400) {
          const type = String(response.headers['content-type'] ?? '');
          const problem = type.startsWith('application/problem+json') ? response.json<Record<string, unknown>>() : undefined;
          if (!problem || typeof problem.type !== 'string' || typeof problem.title !== 'string' || problem.status !== response.statusCode) failures.push(describe(request, response));
        }
      }
    }
  }
  assert.ok(sent > 2000, `${sent} requests sent`);
  assert.deepEqual(failures.slice(0, 40), [], `${failures.length} of ${sent} requests were answered wrongly`);
});

test('no malformed request to the public pages gets a 5xx, and none is answered with JSON', async () => {
  const pageUrls = ['/', '/pengaduan/baru', '/lacak', '/publik', '/statistik'];
  const failures: string[] = [];
  const requests: InjectOptions[] = [];
  for (const url of pageUrls) {
    for (const text of hostileTexts) requests.push({ method: 'GET', url: `${url}?q=${text}` }, { method: 'GET', url: `${url}?halaman=${text}&tahun=${text}` });
  }
  requests.push({ method: 'GET', url: '/publik/%00' }, { method: 'GET', url: '/publik/%ZZ' }, { method: 'GET', url: `/publik/${'x'.repeat(300)}` });
  for (const url of ['/pengaduan/baru', '/lacak']) {
    requests.push(
      { method: 'POST', url, payload: 'judul=a%00b&uraian=%ED%A0%80', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
      { method: 'POST', url, payload: 'judul=a', headers: { 'content-type': 'text/plain' } },
      { method: 'POST', url, payload: multipart([{ name: 'judul', value: 'a' }]), headers: { 'content-type': 'multipart/form-data' } },
      { method: 'POST', url, payload: multipart([{ name: 'judul', value: 'a' }]), headers: { 'content-type': 'multipart/form-data; boundary=eine-andere' } },
      { method: 'POST', url, payload: multipart([{ name: 'judul', value: 'a' }, { name: 'attachments', value: '%PDF-1.4 x', fileName: 'a.pdf' }], false), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } },
      { method: 'POST', url, payload: multipart([{ name: 'judul', value: 'a\u0000b' }, { name: 'attachments', value: '%PDF-1.4 x', fileName: 'a\u202etxt.exe' }]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } },
    );
  }
  for (const request of requests) {
    const response = await t.app.inject({ ...request, headers: { accept: 'text/html', ...(request.headers as Record<string, string> | undefined) } });
    if (response.statusCode >= 500) failures.push(describe(request, response));
    // A form is answered with a page; an address Fastify cannot route (bad percent-encoding)
    // may get the API's problem+json, as there is no page to render it in.
    const type = String(response.headers['content-type']);
    const acceptable = request.method === 'POST' ? type.startsWith('text/html') : type.startsWith('text/html') || type.startsWith('application/problem+json');
    if (response.statusCode >= 400 && !acceptable) failures.push(describe(request, response));
  }
  assert.deepEqual(failures, []);
});
