import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { caseDriver } from '../support/case-driver.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { aStaffMember, aTeam, rootUnitId } from '../support/staff.js';

let t: TestApp;
let coordinator: { authorization: string };

before(async () => {
  t = await startTestApp();
  const root = await rootUnitId(t);
  coordinator = await aStaffMember(t, { unitId: root, roles: ['coordinator'] });
  // Whistleblowing is refused while nobody could read it: an integrity team the coordinator is not in.
  const investigator = await aStaffMember(t, { unitId: root, roles: ['handler'] });
  await aTeam(t, { unitId: root, code: 'TIM-INTEGRITAS', isIntegrityTeam: true, memberIds: [investigator.id] });
});
after(() => t.close());

const { submit, act } = caseDriver(() => t);

/** A whistleblowing case: from then on only the integrity team sees it, and the coordinator is not in it. */
async function aCaseHiddenFromTheCoordinator(): Promise<string> {
  const { id } = await submit();
  const triaged = await act(coordinator, id, 'triage', { category: 'integrity.bribery', urgency: 3, impact: 3 });
  assert.equal(triaged.statusCode, 200, triaged.body);
  assert.equal((await t.app.inject({ method: 'GET', url: `/api/v1/complaints/${id}`, headers: { authorization: coordinator.authorization } })).statusCode, 404);
  return id;
}

describe('a case the caller may not see answers like one that does not exist', () => {
  it('refuses a merge into a hidden case with the very bytes it answers for an unknown case, and merges nothing', async () => {
    const hidden = await aCaseHiddenFromTheCoordinator();
    const duplicate = (await submit()).id;
    const intoHidden = await act(coordinator, duplicate, 'merge', { intoId: hidden });
    const intoNothing = await act(coordinator, duplicate, 'merge', { intoId: randomUUID() });
    assert.equal(intoNothing.statusCode, 400, intoNothing.body);
    assert.equal(intoHidden.statusCode, intoNothing.statusCode, intoHidden.body);
    assert.equal(intoHidden.body, intoNothing.body);
    assert.equal(String(intoHidden.headers['content-type']), String(intoNothing.headers['content-type']));
    const row = await t.deps.db.selectFrom('complaints').select('status').where('id', '=', duplicate).executeTakeFirstOrThrow();
    assert.equal(row.status, 'received');
    const events = await t.deps.db.selectFrom('caseEvents').select('type').where('complaintId', '=', duplicate).execute();
    assert.ok(!events.some((event) => event.type === 'case.merged'));
  });

  it('answers an action on a hidden case as on an unknown one, but for the address it names', async () => {
    const hidden = await aCaseHiddenFromTheCoordinator();
    const unknown = randomUUID();
    const onHidden = await act(coordinator, hidden, 'reject', { reason: 'out_of_scope', message: 'Di luar kewenangan' });
    const onNothing = await act(coordinator, unknown, 'reject', { reason: 'out_of_scope', message: 'Di luar kewenangan' });
    assert.equal(onHidden.statusCode, 404);
    assert.equal(onHidden.body.replace(hidden, unknown), onNothing.body);
  });
});
