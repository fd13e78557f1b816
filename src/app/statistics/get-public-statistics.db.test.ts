import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { fixedClock, startTestApp, type TestApp } from '../../../test/support/test-app.js';
import type { Channel } from '../../domain/complaint/channel.js';
import type { ComplaintStatus } from '../../domain/complaint/complaint-status.js';
import { findRootUnit } from '../../store/units.js';
import type { AppDeps } from '../deps.js';
import { getPublicStatistics } from './get-public-statistics.js';

let t: TestApp;
let deps: AppDeps;
let unitId: number;
let counter = 0;
const clock = fixedClock(new Date('2026-03-13T02:00:00Z'));

async function complaints(count: number, spec: { receivedAt: string; channel?: Channel; categoryCode?: string | null; status?: ComplaintStatus; isWhistleblowing?: boolean }): Promise<void> {
  for (let index = 0; index < count; index += 1) {
    counter += 1;
    const receivedAt = new Date(spec.receivedAt);
    await deps.db.insertInto('complaints').values({
      id: randomUUID(), registerNumber: `2026-${String(counter).padStart(6, '0')}`, trackingCodeHash: Buffer.from(`hash-${counter}`), status: spec.status ?? 'received',
      channel: spec.channel ?? 'web', identityMode: 'anonymous', identitySealed: null, pseudonym: null, title: 'Judul', description: 'Uraian', facts: '{}',
      categoryCode: spec.categoryCode ?? null, unitId, locationLat: null, locationLon: null, locale: 'id', completenessScore: 0,
      receivedAt, submittedAt: receivedAt, updatedAt: receivedAt, isWhistleblowing: spec.isWhistleblowing ?? false,
    }).execute();
  }
}

before(async () => {
  t = await startTestApp({ clock });
  deps = t.deps;
  unitId = (await findRootUnit(deps.db)).id;
  await complaints(12, { receivedAt: '2026-02-10T03:00:00Z', channel: 'web', categoryCode: 'service.time' });
  await complaints(2, { receivedAt: '2026-02-11T03:00:00Z', channel: 'letter', categoryCode: 'service.cost' });
  await complaints(3, { receivedAt: '2026-02-12T03:00:00Z', channel: 'whatsapp', categoryCode: 'integrity.corruption' });
  await complaints(1, { receivedAt: '2026-02-12T04:00:00Z', channel: 'web', categoryCode: 'service.time', isWhistleblowing: true });
});
after(() => t.close());

describe('the public statistics', () => {
  it('count whistleblowing reports once, apart, and leave them out of every breakdown', async () => {
    const statistics = await getPublicStatistics(deps, { kind: 'last_12_months' });
    assert.ok(statistics);
    assert.deepEqual(statistics.total, { kind: 'count', value: 14 });
    assert.deepEqual(statistics.whistleblowing, { kind: 'fewer_than_threshold' });
    assert.deepEqual(statistics.byChannel.rows.map((row) => row.key), ['web', 'letter'], 'no whatsapp: all three were whistleblowing');
    assert.ok(statistics.byCategory.rows.every((row) => !row.key.code?.startsWith('integrity.')));
  });

  it('hide the other count of a pair, or the total would give the small one away', async () => {
    const statistics = await getPublicStatistics(deps, { kind: 'last_12_months' });
    assert.deepEqual(statistics?.byChannel.rows.map((row) => row.count.kind), ['hidden', 'fewer_than_threshold']);
    assert.deepEqual(statistics?.byMonth.rows.at(-1), { key: '2026-02', count: { kind: 'count', value: 14 } });
  });

  it('are computed once a minute: a complaint filed meanwhile shows after it', async () => {
    await getPublicStatistics(deps, { kind: 'year', year: 2026 });
    await complaints(5, { receivedAt: '2026-01-20T03:00:00Z', channel: 'email' });
    clock.advanceMs(59_000);
    assert.deepEqual((await getPublicStatistics(deps, { kind: 'year', year: 2026 }))?.total, { kind: 'count', value: 14 });
    clock.advanceMs(2_000);
    assert.deepEqual((await getPublicStatistics(deps, { kind: 'year', year: 2026 }))?.total, { kind: 'count', value: 19 });
  });

  it('have none for a year before the first complaint', async () => {
    assert.equal(await getPublicStatistics(deps, { kind: 'year', year: 2025 }), undefined);
    assert.deepEqual((await getPublicStatistics(deps, { kind: 'last_12_months' }))?.years, [2026]);
  });
});
