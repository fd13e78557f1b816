import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { sql } from 'kysely';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { aComplaint, fixedClock, startTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { aStaffMember, rootUnitId } from '../../../../test/support/staff.js';

let t: TestApp;
const clock = fixedClock(new Date('2026-03-13T02:00:00Z'));
type Staff = Awaited<ReturnType<typeof aStaffMember>>;
let officer: Staff, colleague: Staff;
const dir = mkdtempSync(join(tmpdir(), 'aduan-receipt-'));

before(async () => {
  t = await startTestApp({ clock });
  const root = await rootUnitId(t);
  officer = await aStaffMember(t, { unitId: root, roles: ['intake'], name: 'Petugas Loket' });
  colleague = await aStaffMember(t, { unitId: root, roles: ['intake', 'coordinator'] });
});
after(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

const walkIn = { channel: 'walk_in', identity: { mode: 'identified', name: 'Budi Santoso', phone: '081234567890' } };

async function recordAtDesk(staff: Staff) {
  const response = await t.app.inject({ method: 'POST', url: '/api/v1/complaints', headers: { authorization: staff.authorization }, payload: aComplaint(walkIn) });
  assert.equal(response.statusCode, 201, response.body);
  return response.json() as { registerNumber: string; trackingCode: string; receipt?: { url: string; expiresAt: string } };
}

const fetchReceipt = (url: string, staff?: Staff) =>
  t.app.inject({ method: 'GET', url, headers: staff ? { authorization: staff.authorization } : {} });

function pdfText(pdf: Buffer): string {
  const path = join(dir, `receipt-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(path, pdf);
  return execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' });
}

describe('the desk receipt', () => {
  it('gives the intake officer the receipt PDF with the register number and tracking code, once', async () => {
    const recorded = await recordAtDesk(officer);
    assert.ok(recorded.receipt, 'a staff-recorded complaint carries a receipt link');
    assert.match(recorded.receipt.url, /^\/api\/v1\/complaints\/receipts\/[A-Za-z0-9_-]{22,}$/);
    assert.equal(new Date(recorded.receipt.expiresAt).getTime(), clock.now().getTime() + 15 * 60 * 1000);

    const first = await fetchReceipt(recorded.receipt.url, officer);
    assert.equal(first.statusCode, 200, first.body);
    assert.equal(first.headers['content-type'], 'application/pdf');
    assert.match(String(first.headers['content-disposition']), /^attachment; filename="tanda-terima-/);
    assert.equal(first.headers['cache-control'], 'no-store');
    const text = pdfText(first.rawPayload);
    assert.match(text, /Tanda Terima Pengaduan/);
    assert.ok(text.includes(recorded.registerNumber), text);
    assert.ok(text.includes(recorded.trackingCode), text);
    assert.match(text, /Tatap muka|Dengan identitas/);

    const second = await fetchReceipt(recorded.receipt.url, officer);
    assert.equal(second.statusCode, 404);
    assert.equal(second.headers['content-type'], 'application/problem+json; charset=utf-8');
  });

  it('speaks English when asked', async () => {
    const recorded = await recordAtDesk(officer);
    assert.ok(recorded.receipt);
    const response = await t.app.inject({ method: 'GET', url: recorded.receipt.url, headers: { authorization: officer.authorization, 'accept-language': 'en' } });
    assert.equal(response.statusCode, 200, response.body);
    const text = pdfText(response.rawPayload);
    assert.match(text, /Complaint Receipt/);
    assert.doesNotMatch(text, /Tanda Terima/);
    assert.ok(text.includes(recorded.trackingCode), text);
  });

  it('is not found by another staff member, nor without signing in, and stays for the officer who recorded it', async () => {
    const recorded = await recordAtDesk(officer);
    assert.ok(recorded.receipt);
    assert.equal((await fetchReceipt(recorded.receipt.url, colleague)).statusCode, 404);
    assert.equal((await fetchReceipt(recorded.receipt.url)).statusCode, 401);
    assert.equal((await fetchReceipt(recorded.receipt.url, officer)).statusCode, 200);
  });

  it('is not found after fifteen minutes', async () => {
    const recorded = await recordAtDesk(officer);
    assert.ok(recorded.receipt);
    clock.advanceMs(15 * 60 * 1000 + 1);
    try {
      assert.equal((await fetchReceipt(recorded.receipt.url, officer)).statusCode, 404);
      // Nothing that can no longer be fetched is kept, sealed or not.
      const left = await sql<{ count: number }>`select count(*)::int as count from desk_receipts where expires_at <= ${clock.now()}`.execute(t.database.db);
      assert.equal(left.rows[0]?.count, 0);
    } finally {
      clock.set(new Date('2026-03-13T02:00:00Z'));
    }
  });

  it('keeps neither the token nor the tracking code readable while it waits', async () => {
    const recorded = await recordAtDesk(officer);
    assert.ok(recorded.receipt);
    const token = recorded.receipt.url.split('/').at(-1) ?? '';
    const rows = await sql<{ tokenTag: string; sealed: Buffer }>`select token_tag as "tokenTag", sealed from desk_receipts`.execute(t.database.db);
    assert.ok(rows.rows.length > 0);
    for (const row of rows.rows) {
      assert.ok(!row.tokenTag.includes(token));
      assert.ok(!Buffer.from(row.sealed).includes(Buffer.from(recorded.trackingCode)));
      assert.ok(!Buffer.from(row.sealed).includes(Buffer.from(recorded.trackingCode.replace(/-/g, ''))));
    }
  });

  it('is not found for a made-up token', async () => {
    const response = await fetchReceipt('/api/v1/complaints/receipts/AAAAAAAAAAAAAAAAAAAAAA', officer);
    assert.equal(response.statusCode, 404);
  });

  it('is not offered to the public, whose receipt is the web page', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/complaints', payload: aComplaint() });
    assert.equal(response.statusCode, 201);
    assert.equal(response.json().receipt, undefined);
  });
});
