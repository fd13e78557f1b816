import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { filesInStore, startTestApp, type TestApp } from '../../../test/support/test-app.js';
import { DomainError } from '../../domain/domain-error.js';
import { submitComplaint, type SubmitComplaintInput } from './submit-complaint.js';

let t: TestApp;
let uploads: string;
before(async () => {
  t = await startTestApp();
  uploads = await mkdtemp(join(tmpdir(), 'aduan-submit-'));
});
after(async () => {
  await t.close();
  await rm(uploads, { recursive: true, force: true });
});

async function anUpload(name: string) {
  const content = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
  const tempPath = join(uploads, `${name}-${Date.now()}-${Math.random()}`);
  await writeFile(tempPath, content);
  return { tempPath, fileName: `${name}.pdf`, sizeBytes: content.length, sha256: 'a'.repeat(64) };
}

const filesOnDisk = (): Promise<string[]> => filesInStore(t);

function aSubmission(overrides: Partial<SubmitComplaintInput> = {}): SubmitComplaintInput {
  return {
    title: 'Loket tutup', description: 'Loket pelayanan tutup sebelum jam 12 tanpa pemberitahuan.', identity: { mode: 'anonymous' },
    facts: { what: 'Loket tutup', where: 'Kantor pusat', when: 'Senin pagi', who: 'Petugas loket', how: 'Tutup tanpa pemberitahuan' },
    channel: 'web', submittedBy: { kind: 'public' }, attachments: [], identityDocuments: [], ...overrides,
  };
}

async function attachmentCount(): Promise<number> {
  const result = await sql<{ count: number }>`select count(*)::int as count from attachments`.execute(t.database.db);
  return result.rows[0]?.count ?? -1;
}

describe('submitting a complaint', () => {
  it('stores its files with their rows, and names them in the complaint’s first event', async () => {
    const submitted = await submitComplaint(t.deps, aSubmission({ attachments: [await anUpload('bukti')] }));
    const rows = await t.database.db.selectFrom('attachments').select(['id', 'storageKey']).where('complaintId', '=', submitted.id).execute();
    assert.equal(rows.length, 1);
    assert.ok((await filesOnDisk()).some((path) => path.endsWith(rows[0]?.storageKey ?? '?')), 'the file is in the store');
    const first = await t.database.db.selectFrom('caseEvents').select('data').where('complaintId', '=', submitted.id).where('sequence', '=', 1).executeTakeFirstOrThrow();
    const data = first.data as { attachmentIds: string[]; registerNumber: string };
    assert.deepEqual(data.attachmentIds, rows.map((row) => row.id));
    assert.equal(data.registerNumber, submitted.registerNumber);
  });

  it('refused inside its transaction, it leaves neither a file nor a row, though its files were written first', async () => {
    const filesBefore = await filesOnDisk();
    const rowsBefore = await attachmentCount();
    await assert.rejects(
      submitComplaint(t.deps, aSubmission({ categoryCode: 'no.such', attachments: [await anUpload('bukti')] })),
      (error: unknown) => error instanceof DomainError && error.code === 'intake.unknown_category',
    );
    assert.deepEqual(await filesOnDisk(), filesBefore);
    assert.equal(await attachmentCount(), rowsBefore);
  });

  it('a channel’s adapter brings a complaint in by its own channel, as the reporter', async () => {
    const submitted = await submitComplaint(t.deps, aSubmission({ channel: 'whatsapp', submittedBy: { kind: 'adapter', adapter: 'whatsapp' } }));
    const first = await t.database.db.selectFrom('caseEvents').select('actor').where('complaintId', '=', submitted.id).where('sequence', '=', 1).executeTakeFirstOrThrow();
    assert.deepEqual(first.actor, { kind: 'reporter' });
    const row = await t.database.db.selectFrom('complaints').select('channel').where('id', '=', submitted.id).executeTakeFirstOrThrow();
    assert.equal(row.channel, 'whatsapp');
  });

  it('a channel’s adapter may not bring one in by another channel, nor the public by any but the web', async () => {
    const refusedAs = (error: unknown) => error instanceof DomainError && error.code === 'intake.channel_requires_staff';
    await assert.rejects(submitComplaint(t.deps, aSubmission({ channel: 'sms', submittedBy: { kind: 'adapter', adapter: 'whatsapp' } })), refusedAs);
    await assert.rejects(submitComplaint(t.deps, aSubmission({ channel: 'letter' })), refusedAs);
  });

  it('a staff member who does not take complaints down may not record one for a reporter, and nothing is kept', async () => {
    const handler = { kind: 'staff' as const, userId: 1, unitId: 1, roles: ['handler' as const], teamIds: [] };
    const rowsBefore = await t.database.db.selectFrom('complaints').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
    await assert.rejects(
      submitComplaint(t.deps, aSubmission({ channel: 'walk_in', submittedBy: { kind: 'staff', officer: handler } })),
      (error: unknown) => error instanceof DomainError && error.code === 'auth.forbidden',
    );
    const rowsAfter = await t.database.db.selectFrom('complaints').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
    assert.equal(Number(rowsAfter.count), Number(rowsBefore.count));
  });
});
