import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { choosePolicy, isCatchAllPolicy, type PolicySubject, type ServiceLevelPolicy } from './service-level-policy.js';

const days = (amount: number) => ({ amount, unit: 'calendar_days' as const });
function policy(id: number, selectors: Partial<Pick<ServiceLevelPolicy, 'channel' | 'categoryCode' | 'priority' | 'isWhistleblowing'>>, responseDays: number): ServiceLevelPolicy {
  return {
    id, name: `P${id}`, channel: null, categoryCode: null, priority: null, isWhistleblowing: null, ...selectors,
    durations: { acknowledgement: days(1), verification: days(3), response: days(responseDays) },
  };
}

// As seeded: general 14 days, walk-in 30 minutes (here a day), letter 7, whistleblowing 30.
const seeded = [
  policy(1, {}, 14), policy(2, { channel: 'walk_in' }, 1), policy(4, { channel: 'letter' }, 7), policy(6, { isWhistleblowing: true }, 30),
];
const web: PolicySubject = { channel: 'web', categoryCode: null, priority: null, isWhistleblowing: false };
const responseDaysFor = (policies: ServiceLevelPolicy[], subject: PolicySubject) => choosePolicy(policies, subject)?.durations.response.amount;

describe('choosing a service-level policy', () => {
  it('falls back to the catch-all and takes a channel’s own policy when there is one', () => {
    assert.equal(responseDaysFor(seeded, web), 14);
    assert.equal(responseDaysFor(seeded, { ...web, channel: 'letter' }), 7);
    assert.equal(responseDaysFor(seeded, { ...web, channel: 'walk_in', priority: 'high' }), 1);
  });

  it('gives a whistleblowing report by letter the whistleblowing policy, not the letter’s', () => {
    assert.equal(responseDaysFor(seeded, { ...web, channel: 'letter', isWhistleblowing: true }), 30);
  });

  it('lets a category’s own policy beat whistleblowing, and priority beat channel', () => {
    const policies = [...seeded, policy(7, { categoryCode: 'integrity.bribery' }, 20), policy(8, { priority: 'high' }, 5), policy(9, { channel: 'letter', priority: 'high' }, 3)];
    assert.equal(responseDaysFor(policies, { ...web, categoryCode: 'integrity.bribery', isWhistleblowing: true, channel: 'letter' }), 20);
    assert.equal(responseDaysFor(policies, { ...web, priority: 'high' }), 5);
    assert.equal(responseDaysFor(policies, { ...web, channel: 'letter', priority: 'high' }), 3, 'both selectors beat one');
    assert.equal(responseDaysFor(policies, { ...web, channel: 'letter', priority: 'low' }), 7);
  });

  it('answers nothing when no policy matches, and knows the catch-all', () => {
    assert.equal(choosePolicy([policy(4, { channel: 'letter' }, 7)], web), undefined);
    assert.equal(isCatchAllPolicy(seeded[0]!), true);
    assert.equal(isCatchAllPolicy(seeded[3]!), false);
  });
});
