import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { accessibilityViolations, launchBrowser, listen, newBrowserContext, saveScreenshot, type ViewportName } from '../support/browser.js';
import { caseDriver } from '../support/case-driver.js';
import { aStaffMember, rootUnitId } from '../support/staff.js';
import { fixedClock, startTestApp, type TestApp } from '../support/test-app.js';

// Complaints arrive at 09.00 WIB on Monday 2 March 2026.
const receivedAt = new Date('2026-03-02T02:00:00Z');
const day = 86_400_000;
let testApp: TestApp;
let baseUrl: string;
let browser: Browser;
type Staff = Awaited<ReturnType<typeof aStaffMember>>;
let root: number;
let coordinator: Staff, head: Staff, handler: Staff;

before(async () => {
  testApp = await startTestApp({ clock: fixedClock(receivedAt) });
  baseUrl = await listen(testApp);
  browser = await launchBrowser();
  root = await rootUnitId(testApp);
  await testApp.deps.db.updateTable('units').set({ approvalChain: JSON.stringify([{ role: 'head', unitsUp: 0 }]), name: 'Kantor Kecamatan Sukajadi' }).where('id', '=', root).execute();
  coordinator = await aStaffMember(testApp, { unitId: root, roles: ['coordinator'] });
  head = await aStaffMember(testApp, { unitId: root, roles: ['head'] });
  handler = await aStaffMember(testApp, { unitId: root, roles: ['handler'] });
});
after(async () => {
  await browser.close();
  await testApp.close();
});

const reporter = { mode: 'confidential', name: 'Dewi Lestari', email: 'dewi.lestari@example.org', phone: '0812 7777 8888' };
const secrets = ['Dewi', 'Lestari', 'dewi.lestari@example.org', '7777', 'Catatan internal', 'Kontraktor belum dibayar', 'Pak RT'];

const { submit, actOk } = caseDriver(() => testApp);

/** A complaint about a broken pavement, carried through the API to its closing with an answer. */
async function resolvedComplaint(): Promise<{ id: string; registerNumber: string }> {
  const { id, registerNumber } = await submit({
    title: 'Trotoar rusak di depan kantor', description: 'Trotoar berlubang sejak Januari. Kontraktor belum dibayar, kata Pak RT.',
    identity: reporter, allowPublication: true,
  });
  await actOk(coordinator, id, 'verify', { result: 'indicated', note: 'Benar, sudah dicek' });
  await actOk(coordinator, id, 'triage', { category: 'service.facilities', urgency: 2, impact: 2 });
  await actOk(head, id, 'assign', { unitId: root, handlerId: handler.id, instructions: 'Periksa dan perbaiki' });
  await actOk(handler, id, 'start');
  await actOk(handler, id, 'add_note', { text: 'Catatan internal: kontraktor lalai' });
  await actOk(handler, id, 'draft_response', {
    finding: 'substantiated',
    text: 'Ibu Dewi Lestari yang kami hormati,\n\nterima kasih atas laporan Anda. Trotoar sudah kami perbaiki pada 20 Maret.\nKami juga memeriksa trotoar lain di jalan yang sama.',
  });
  await actOk(handler, id, 'submit_for_approval');
  await actOk(head, id, 'approve', { note: 'Setuju' });
  await actOk(coordinator, id, 'send_response');
  await actOk(coordinator, id, 'close', { note: 'Selesai' });
  return { id, registerNumber };
}

/** Looks at a page in both languages at both sizes: no axe violations, and a screenshot to look at. */
async function checkAccessibility(path: string, name: string, sizes: { viewports?: readonly ViewportName[]; locales?: readonly ('id' | 'en')[] } = {}): Promise<void> {
  for (const viewport of sizes.viewports ?? ['phone', 'desktop']) {
    for (const locale of sizes.locales ?? ['id', 'en']) {
      // axe runs as a script in the page, so these contexts allow JavaScript (the pages load none).
      const context = await newBrowserContext(browser, { viewport });
      await context.addCookies([{ name: 'aduan_lang', value: locale, url: baseUrl }]);
      const page = await context.newPage();
      const response = await page.goto(`${baseUrl}${path}`);
      assert.ok(response !== null && response.status() < 500, `${path} answers`);
      assert.equal(await page.getAttribute('html', 'lang'), locale);
      assert.deepEqual(await accessibilityViolations(page), [], `${name}: ${locale} at ${viewport} size`);
      await saveScreenshot(page, `register-${name}-${locale}-${viewport}`);
      await context.close();
    }
  }
}

async function bodyText(page: Page): Promise<string> {
  return page.locator('body').innerText();
}

describe('the public register', () => {
  it('says plainly that nothing is published yet, and where to go instead', async () => {
    const response = await testApp.app.inject({ method: 'GET', url: '/publik' });
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /Belum ada pengaduan yang dipublikasikan/);
    assert.match(response.body, /href="\/statistik"/);
    await checkAccessibility('/publik', 'empty');
  });

  it('finds a case published through the API by search, without JavaScript, shows no identity, and loses it once withdrawn', async () => {
    const { id, registerNumber } = await resolvedComplaint();
    await actOk(coordinator, id, 'publish', {
      summary: 'Trotoar berlubang di depan kantor kecamatan. Unit memperbaikinya dan memeriksa trotoar lain di jalan yang sama.',
      publicAnswer: 'Trotoar sudah kami perbaiki pada 20 Maret.\nKami juga memeriksa trotoar lain di jalan yang sama.',
    });

    const context = await newBrowserContext(browser, { javaScript: false });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/publik`);
    await page.getByLabel('Kata kunci').fill('trotoar');
    await page.getByRole('button', { name: 'Cari' }).click();
    assert.equal(new URL(page.url()).searchParams.get('q'), 'trotoar');
    const link = page.getByRole('link', { name: `Pengaduan ${registerNumber}`, exact: true });
    assert.equal(await link.count(), 1, 'the published case is found');
    const listText = await bodyText(page);
    assert.match(listText, /1 pengaduan untuk “trotoar”/);
    assert.match(listText, /Kualitas layanan: sarana dan kondisi kantor/);
    assert.match(listText, /Kantor Kecamatan Sukajadi/);
    for (const secret of secrets) assert.ok(!listText.includes(secret), `the list does not show ${secret}`);

    await link.click();
    assert.equal(new URL(page.url()).pathname, `/publik/${registerNumber}`);
    assert.equal(await page.locator('h1').textContent(), `Pengaduan ${registerNumber}`);
    const entryText = await bodyText(page);
    assert.doesNotMatch(entryText, /yang kami hormati/, 'the public answer staff wrote, not the response the reporter was given');
    assert.match(entryText, /Trotoar sudah kami perbaiki pada 20 Maret/);
    assert.match(entryText, /WIB/, 'times carry the unit\'s zone');
    assert.match(entryText, /Dijawab tepat waktu/, 'answered the same day, well within the response deadline');
    for (const secret of secrets) assert.ok(!entryText.includes(secret), `the case page does not show ${secret}`);
    const html = await page.content();
    for (const secret of secrets) assert.ok(!html.includes(secret), `the markup does not hold ${secret}`);
    await checkAccessibility(`/publik/${registerNumber}`, 'entry');

    await actOk(coordinator, id, 'unpublish', { reason: 'Permintaan pelapor' });
    await page.goto(`${baseUrl}/publik?q=trotoar`);
    assert.equal(await page.getByRole('link', { name: `Pengaduan ${registerNumber}`, exact: true }).count(), 0, 'a withdrawn case is gone');
    assert.match(await bodyText(page), /Tidak ada pengaduan yang cocok/);
    await checkAccessibility('/publik?q=trotoar', 'no-match');
    const gone = await page.goto(`${baseUrl}/publik/${registerNumber}`);
    assert.equal(gone?.status(), 404);
    await context.close();
  });

  it('lists newest first, 20 to a page, filters by category, says whether each was answered on time, and stays under 50 KB', async () => {
    // The read side alone: rows as the projection leaves them, written directly for speed.
    const numbers: string[] = [];
    for (let index = 0; index < 23; index++) {
      const { id, registerNumber } = await submit({ allowPublication: true });
      numbers.push(registerNumber);
      const dueAt = new Date(receivedAt.getTime() + 14 * day);
      const answeredAt = new Date(receivedAt.getTime() + (index % 2 === 0 ? 5 : 16) * day);
      // The service-level engine's response deadline, where it keeps one.
      await testApp.deps.db.updateTable('caseDeadlines').set({ dueAt, metAt: answeredAt }).where('complaintId', '=', id).where('kind', '=', 'response').execute();
      await testApp.deps.db.updateTable('complaints').set({
        status: 'closed', categoryCode: index % 3 === 0 ? 'service.cost' : 'service.time',
        responseDueAt: dueAt,
        publishedSummary: `Ringkasan nomor ${index}: ${'biaya layanan dijelaskan kembali kepada warga dan papan tarif dipasang di loket. '.repeat(25)}`,
        publishedResponse: `Jawaban nomor ${index}: ${'kami telah memasang papan tarif resmi di setiap loket pelayanan. '.repeat(60)}`,
        publishedRespondedAt: answeredAt,
        publishedClosedAt: new Date(receivedAt.getTime() + 18 * day),
        publishedAt: new Date(receivedAt.getTime() + 20 * day + index * 60_000),
      }).where('id', '=', id).execute();
    }

    const first = await testApp.app.inject({ method: 'GET', url: '/publik' });
    assert.equal(first.statusCode, 200);
    const listed = [...first.body.matchAll(/<h2 id="entry-([^"]+)"/g)].map((match) => match[1]);
    assert.deepEqual(listed, numbers.slice(3).reverse(), 'the newest 20, newest first');
    assert.ok(Buffer.byteLength(first.body) < 50 * 1024, `a full page is ${Buffer.byteLength(first.body)} bytes`);
    assert.match(first.body, /2 Maret 2026/, 'received, as the day fell in the unit\'s zone');
    assert.match(first.body, /20 Maret 2026/, 'closed');
    assert.match(first.body, /Dijawab tepat waktu/);
    assert.match(first.body, /Dijawab melewati batas waktu/);
    assert.match(first.body, /rel="next" href="\/publik\?halaman=2"|href="\/publik\?halaman=2" rel="next"/);

    const second = await testApp.app.inject({ method: 'GET', url: '/publik?halaman=2' });
    assert.deepEqual([...second.body.matchAll(/<h2 id="entry-([^"]+)"/g)].map((match) => match[1]), numbers.slice(0, 3).reverse());
    const beyond = await testApp.app.inject({ method: 'GET', url: '/publik?halaman=99' });
    assert.match(beyond.body, /halaman 2 dari 2/, 'past the end, the last page');
    const nonsense = await testApp.app.inject({ method: 'GET', url: '/publik?halaman=abc&kategori=tidak.ada' });
    assert.equal(nonsense.statusCode, 200);
    assert.match(nonsense.body, /23 pengaduan/, 'a bad page number and an unknown category filter nothing');

    const cost = await testApp.app.inject({ method: 'GET', url: '/publik?kategori=service.cost' });
    assert.match(cost.body, /8 pengaduan/);
    assert.match(cost.body, /<option value="service.cost" selected/);
    const costAndWord = await testApp.app.inject({ method: 'GET', url: `/publik?kategori=service.cost&q=${encodeURIComponent('"nomor 21"')}` });
    assert.match(costAndWord.body, /1 pengaduan untuk/);

    const entry = await testApp.app.inject({ method: 'GET', url: `/publik/${numbers[0]?.toLowerCase()}` });
    assert.equal(entry.statusCode, 200, 'a register number is found however it is typed');
    assert.ok(Buffer.byteLength(entry.body) < 50 * 1024);
    assert.equal((await testApp.app.inject({ method: 'GET', url: '/publik/bukan-nomor' })).statusCode, 404);

    await checkAccessibility('/publik', 'list');
    // The same template as the case above; once more for a long text on a phone.
    await checkAccessibility(`/publik/${numbers[1]}`, 'entry-long', { viewports: ['phone'], locales: ['id'] });
  });
});
