import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canSee, hasIntegrityReader, type CaseFacts, type StaffActor, type StaffRole } from './policy.js';

// Unit 10 (a section) under unit 1 (the agency); unit 11 is a subsection of 10; unit 20 a sibling of 10.
const caseIn = (unitPath: number[], overrides: Partial<CaseFacts> = {}): CaseFacts => ({
  unitPath, handlerId: null, teamId: null, isWhistleblowing: false, integrityTeamIds: [99], concernedStaffIds: [], ...overrides,
});
const member = (role: StaffRole, unitId: number, teamIds: number[] = []): StaffActor => ({ kind: 'staff', userId: 7, unitId, roles: [role], teamIds });

type Relation = 'own unit' | 'unit above' | 'unit below' | 'sibling unit' | 'assigned, sibling unit' | 'team assigned, sibling unit'
  | 'concerned, own unit' | 'whistleblowing, own unit' | 'whistleblowing, integrity team elsewhere';

const facts: Record<Relation, { actorUnit: number; teamIds?: number[]; facts: CaseFacts }> = {
  'own unit': { actorUnit: 10, facts: caseIn([10, 1]) },
  'unit above': { actorUnit: 1, facts: caseIn([10, 1]) },
  'unit below': { actorUnit: 11, facts: caseIn([10, 1]) },
  'sibling unit': { actorUnit: 20, facts: caseIn([10, 1]) },
  'assigned, sibling unit': { actorUnit: 20, facts: caseIn([10, 1], { handlerId: 7 }) },
  'team assigned, sibling unit': { actorUnit: 20, teamIds: [5], facts: caseIn([10, 1], { teamId: 5 }) },
  'concerned, own unit': { actorUnit: 10, facts: caseIn([10, 1], { concernedStaffIds: [7] }) },
  'whistleblowing, own unit': { actorUnit: 10, facts: caseIn([10, 1], { isWhistleblowing: true }) },
  'whistleblowing, integrity team elsewhere': { actorUnit: 20, teamIds: [99], facts: caseIn([10, 1], { isWhistleblowing: true }) },
};

// role x relation -> may see? (The case's state does not change who sees it; workflow tests cover what each may do in each state.)
const matrix: Record<StaffRole, Record<Relation, boolean>> = {
  coordinator: { 'own unit': true, 'unit above': true, 'unit below': false, 'sibling unit': false, 'assigned, sibling unit': true, 'team assigned, sibling unit': true, 'concerned, own unit': false, 'whistleblowing, own unit': false, 'whistleblowing, integrity team elsewhere': true },
  head: { 'own unit': true, 'unit above': true, 'unit below': false, 'sibling unit': false, 'assigned, sibling unit': true, 'team assigned, sibling unit': true, 'concerned, own unit': false, 'whistleblowing, own unit': false, 'whistleblowing, integrity team elsewhere': true },
  handler: { 'own unit': true, 'unit above': true, 'unit below': false, 'sibling unit': false, 'assigned, sibling unit': true, 'team assigned, sibling unit': true, 'concerned, own unit': false, 'whistleblowing, own unit': false, 'whistleblowing, integrity team elsewhere': true },
  intake: { 'own unit': true, 'unit above': true, 'unit below': false, 'sibling unit': false, 'assigned, sibling unit': true, 'team assigned, sibling unit': true, 'concerned, own unit': false, 'whistleblowing, own unit': false, 'whistleblowing, integrity team elsewhere': true },
  auditor: { 'own unit': true, 'unit above': true, 'unit below': true, 'sibling unit': true, 'assigned, sibling unit': true, 'team assigned, sibling unit': true, 'concerned, own unit': false, 'whistleblowing, own unit': false, 'whistleblowing, integrity team elsewhere': true },
  admin: { 'own unit': false, 'unit above': false, 'unit below': false, 'sibling unit': false, 'assigned, sibling unit': false, 'team assigned, sibling unit': false, 'concerned, own unit': false, 'whistleblowing, own unit': false, 'whistleblowing, integrity team elsewhere': false },
};

describe('who sees a case', () => {
  for (const [role, row] of Object.entries(matrix) as [StaffRole, Record<Relation, boolean>][]) {
    for (const [relation, expected] of Object.entries(row) as [Relation, boolean][]) {
      it(`${expected ? 'shows' : 'hides'} a case in the ${relation} to a ${role}`, () => {
        const { actorUnit, teamIds = [], facts: caseFacts } = facts[relation];
        assert.equal(canSee(member(role, actorUnit, teamIds), caseFacts), expected);
      });
    }
  }
  it('hides a case from staff it concerns even when they also audit', () => {
    const both: StaffActor = { kind: 'staff', userId: 7, unitId: 1, roles: ['auditor', 'head'], teamIds: [99] };
    assert.equal(canSee(both, caseIn([10, 1], { concernedStaffIds: [7], isWhistleblowing: true })), false);
  });
  it('lets an administrator who is also a coordinator see their unit\'s cases as a coordinator', () => {
    const both: StaffActor = { kind: 'staff', userId: 7, unitId: 10, roles: ['admin', 'coordinator'], teamIds: [] };
    assert.equal(canSee(both, caseIn([10, 1])), true);
  });
});

describe('whether anyone would see a whistleblowing case', () => {
  it('needs an active integrity team with a reader the complaint does not concern', () => {
    assert.equal(hasIntegrityReader([99], [7, 8], []), true);
    assert.equal(hasIntegrityReader([], [7], []), false, 'no team');
    assert.equal(hasIntegrityReader([99], [], []), false, 'a team with nobody who reads cases');
    assert.equal(hasIntegrityReader([99], [7, 8], [7, 8]), false, 'every member is named in the complaint');
    assert.equal(hasIntegrityReader([99], [7, 8], [7]), true);
  });
  it('shows a whistleblowing case to an integrity member in any unit, even one outside the case\'s tree', () => {
    assert.equal(canSee(member('handler', 20, [99]), caseIn([10, 1], { isWhistleblowing: true })), true);
    assert.equal(canSee(member('head', 1, []), caseIn([10, 1], { isWhistleblowing: true })), false, 'a head above the unit, outside the team, does not');
  });
});
