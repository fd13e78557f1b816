import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { aStaffMember } from '../../test/support/staff.js';
import { aComplaint, startTestApp, type TestApp } from '../../test/support/test-app.js';
import type { StaffActor, StaffRole } from '../domain/access/policy.js';
import { DomainError } from '../domain/domain-error.js';
import { systemActor } from './admin/admin-actor.js';
import { createUnit } from './admin/create-unit.js';
import { listAdminAudit } from './admin/list-admin-audit.js';
import { verifyAdminAuditChain } from './admin/verify-admin-audit-chain.js';
import { exportCase } from './case-handling/export-case.js';
import { exportInbox } from './case-handling/export-inbox.js';
import { removeSigningCertificate } from './letters/remove-signing-certificate.js';
import { listFailedJobs } from './notifications/list-failed-jobs.js';

// The use cases refuse on their own, whoever calls them: the HTTP hooks are only a second line.
let t: TestApp;
let rootId: number;
let userId: number;
// One account, judged by the roles the actor says it holds: the use cases decide on the actor they are given.
const staff = (...roles: StaffRole[]): StaffActor => ({ kind: 'staff', userId, unitId: rootId, roles, teamIds: [] });
const refusedWith = (code: string) => (error: unknown) => error instanceof DomainError && error.code === code;

before(async () => {
  t = await startTestApp();
  rootId = (await t.deps.db.selectFrom('units').select('id').where('parentId', 'is', null).executeTakeFirstOrThrow()).id;
  userId = (await aStaffMember(t, { unitId: rootId, roles: ['admin'] })).id;
});
after(() => t.close());

describe('use cases that check the caller themselves', () => {
  it('refuses a coordinator who changes the configuration, and writes nothing', async () => {
    await assert.rejects(createUnit(t.deps, staff('coordinator'), { code: 'X-1', name: 'Seksi X', parentId: rootId, timeZone: 'Asia/Jakarta', approvalChain: [] }), refusedWith('auth.forbidden'));
    await assert.rejects(removeSigningCertificate(t.deps, staff('head')), refusedWith('auth.forbidden'));
    const written = await t.deps.db.selectFrom('units').select('id').where('code', '=', 'X-1').executeTakeFirst();
    assert.equal(written, undefined);
  });
  it('lets the system and an administrator configure', async () => {
    await createUnit(t.deps, systemActor, { code: 'X-2', name: 'Seksi Y', parentId: rootId, timeZone: 'Asia/Jakarta', approvalChain: [] });
    await createUnit(t.deps, staff('admin'), { code: 'X-3', name: 'Seksi Z', parentId: rootId, timeZone: 'Asia/Jakarta', approvalChain: [] });
  });
  it('lets auditors and administrators read the audit log, and nobody else', async () => {
    await listAdminAudit(t.deps, staff('auditor'), {}, { limit: 1 });
    await verifyAdminAuditChain(t.deps, staff('admin'));
    await assert.rejects(listAdminAudit(t.deps, staff('handler'), {}, { limit: 1 }), refusedWith('auth.forbidden'));
    await assert.rejects(verifyAdminAuditChain(t.deps, staff('head')), refusedWith('auth.forbidden'));
  });
  it('shows failed jobs to administrators only', async () => {
    await assert.rejects(listFailedJobs(t.deps, staff('auditor'), 10), refusedWith('auth.forbidden'));
  });
  it('refuses an inbox export to an administrator, and a case export as if the case did not exist', async () => {
    await assert.rejects(exportInbox(t.deps, staff('admin'), { sort: 'received' }), refusedWith('auth.forbidden'));
    const submitted = await t.app.inject({ method: 'POST', url: '/api/v1/complaints', payload: aComplaint() });
    assert.equal(submitted.statusCode, 201);
    const id = (submitted.json() as { id: string }).id;
    await assert.rejects(exportCase(t.deps, staff('admin'), id, { format: 'json' }), refusedWith('complaint.not_found'));
  });
});
