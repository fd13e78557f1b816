import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { gunzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { accessibilityViolations, launchBrowser, listen, newBrowserContext, saveScreenshot, viewports } from '../support/browser.js';
import { caseDriver } from '../support/case-driver.js';
import { aStaffMember, aTeam, rootUnitId } from '../support/staff.js';
import { fixedClock, startTestApp, type TestApp } from '../support/test-app.js';

// Seeded through the API as staff and reporters would, on a clock moved to January and
// February 2026; the page is then read on 13 March 2026, so it covers March 2025 – February 2026.
const clock = fixedClock(new Date('2026-01-15T03:00:00Z'));
let t: TestApp;
let baseUrl: string;
let browser: Browser;
type Staff = Awaited<ReturnType<typeof aStaffMember>>;
let intake: Staff, coordinator: Staff, head: Staff, handler: Staff;

const { submit, actOk, reporterToken } = caseDriver(() => t);

async function rate(submitted: { registerNumber: string; trackingCode: string }, rating: number): Promise<void> {
  const rated = await t.app.inject({ method: 'POST', url: '/api/v1/reporter/actions/rate', headers: { authorization: await reporterToken(submitted) }, payload: { rating } });
  assert.equal(rated.statusCode, 200, rated.body);
}

before(async () => {
  t = await startTestApp({ clock });
  const root = await rootUnitId(t);
  await t.deps.db.updateTable('units').set({ approvalChain: JSON.stringify([{ role: 'head', unitsUp: 0 }]) }).where('id', '=', root).execute();

  // January: five web complaints nobody answers (overdue by March).
  for (let index = 0; index < 5; index += 1) await submit({ category: 'service.time' });

  clock.set(new Date('2026-02-10T03:00:00Z'));
  // Signed in now: a session from January would have expired.
  intake = await aStaffMember(t, { unitId: root, roles: ['intake'] });
  coordinator = await aStaffMember(t, { unitId: root, roles: ['coordinator'] });
  head = await aStaffMember(t, { unitId: root, roles: ['head'] });
  handler = await aStaffMember(t, { unitId: root, roles: ['handler'] });
  // Six people at the desk, answered on the spot.
  for (let index = 0; index < 6; index += 1) {
    const walkIn = await submit({
      channel: 'walk_in', category: 'information.request', receivedAt: new Date(clock.now().getTime() - 5 * 60_000).toISOString(),
      identity: { mode: 'identified', name: `Warga ${index}`, phone: '081200000000' }, intake: { identityDocumentChecked: true },
    }, intake);
    await actOk(intake, walkIn.id, 'resolve_at_desk', { answer: 'Sudah kami jelaskan di loket.' });
  }
  // Two letters, left unanswered (overdue).
  for (let index = 0; index < 2; index += 1) {
    await submit({ channel: 'letter', category: 'service.cost', receivedAt: clock.now().toISOString(), identity: { mode: 'identified', name: `Penulis ${index}`, address: 'Jl. Merdeka 1' }, intake: { agendaNumber: `A-${index}` } }, intake);
  }
  // Seven answered the same day through the whole workflow and rated: six 5s and one 3.
  for (const rating of [5, 5, 5, 5, 5, 5, 3]) {
    const submitted = await submit({ category: 'service.procedure' });
    await actOk(coordinator, submitted.id, 'verify', { result: 'indicated', note: 'Ada indikasi' });
    await actOk(head, submitted.id, 'assign', { unitId: root, handlerId: handler.id, instructions: 'Tangani' });
    await actOk(handler, submitted.id, 'start');
    await actOk(handler, submitted.id, 'draft_response', { finding: 'substantiated', text: 'Prosedur sudah kami perbaiki.' });
    await actOk(handler, submitted.id, 'submit_for_approval');
    await actOk(head, submitted.id, 'approve', { note: 'Setuju' });
    await actOk(coordinator, submitted.id, 'send_response');
    await rate(submitted, rating);
  }
  // One whistleblowing report (filed under a whistleblowing category), which only an integrity team can receive.
  const investigator = await aStaffMember(t, { unitId: root, roles: ['handler'] });
  await aTeam(t, { unitId: root, code: 'INTEGRITAS', isIntegrityTeam: true, memberIds: [investigator.id] });
  await submit({ category: 'integrity.bribery' });

  clock.set(new Date('2026-03-13T02:00:00Z'));
  baseUrl = await listen(t);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await t.close();
});

/** The rows of a section's table as [label, shown value]: the visible mark for a suppressed cell. */
async function tableOf(page: Page, section: string): Promise<string[][]> {
  return page.locator(`section[aria-labelledby="${section}-heading"] table tbody tr, section[aria-labelledby="${section}-heading"] table tfoot tr`).evaluateAll((rows) => rows.map((row) => {
    const cell = row.querySelector('td');
    const shown = cell?.querySelector('[aria-hidden="true"]')?.textContent ?? cell?.textContent ?? '';
    return [row.querySelector('th')?.textContent ?? '', shown.replace(/\u00a0/g, ' ')];
  }));
}

async function summaryOf(page: Page): Promise<string[][]> {
  return page.locator('.stat-summary dt').evaluateAll((terms) => terms.map((term) => {
    const value = term.nextElementSibling;
    return [term.textContent ?? '', (value?.querySelector('[aria-hidden="true"]')?.textContent ?? value?.textContent ?? '').replace(/\u00a0/g, ' ')];
  }));
}

async function openPage(options: { locale: 'id' | 'en'; viewport?: 'phone' | 'desktop'; javaScript?: boolean; path?: string }): Promise<Page> {
  const context = await newBrowserContext(browser, { viewport: options.viewport ?? 'desktop', javaScript: options.javaScript ?? true });
  await context.addCookies([{ name: 'aduan_lang', value: options.locale, url: baseUrl }]);
  const page = await context.newPage();
  const response = await page.goto(`${baseUrl}${options.path ?? '/statistik'}`);
  assert.equal(response?.status(), 200);
  return page;
}

describe('the public statistics page', () => {
  it('shows the counts of the last twelve ended months, with small counts suppressed and whistleblowing only counted', async () => {
    const page = await openPage({ locale: 'id' });
    assert.deepEqual(await summaryOf(page), [
      ['Pengaduan diterima', '20'],
      ['Laporan pelanggaran (whistleblowing)', '< 5'],
      ['Dijawab dalam batas waktu layanan', '65,0%'],
      ['Rata-rata penilaian pelapor', 'tidak ditampilkan'],
    ]);
    const months = await tableOf(page, 'months');
    assert.equal(months.length, 13);
    assert.deepEqual(months[0], ['Maret 2025', '0']);
    assert.deepEqual(months.slice(-3), [['Januari 2026', '5'], ['Februari 2026', '15'], ['Jumlah', '20']]);
    // The two letters are fewer than 5; the six walk-ins are hidden too, or 20 - 12 would give the letters away.
    // Shown counts from the largest; suppressed ones after them in a fixed order, which says nothing of their size.
    assert.deepEqual(await tableOf(page, 'channels'), [['Situs web', '12'], ['Surat', '< 5'], ['Tatap muka', '×'], ['Jumlah', '20']]);
    assert.deepEqual(await tableOf(page, 'categories'), [
      ['Kualitas layanan: prosedur', '7'], ['Permintaan informasi', '6'], ['Kualitas layanan: biaya', '< 5'], ['Kualitas layanan: waktu', '×'], ['Jumlah', '20'],
    ]);
    assert.deepEqual(await tableOf(page, 'statuses'), [['Diterima, sedang diverifikasi', '7'], ['Selesai', '13'], ['Jumlah', '20']]);
    assert.deepEqual(await tableOf(page, 'service-level'), [['Dijawab tepat waktu', '13'], ['Dijawab terlambat', '0'], ['Belum dijawab, lewat batas waktu', '7'], ['Jumlah', '20']]);
    assert.deepEqual(await tableOf(page, 'satisfaction'), [['Nilai 1', '0'], ['Nilai 2', '0'], ['Nilai 3', '< 5'], ['Nilai 4', '0'], ['Nilai 5', '×'], ['Jumlah', '7']]);
    assert.equal(await page.locator('#satisfaction-chart').count(), 0, 'no chart of empty bars: the table shows instead');
    assert.ok(await page.locator('section[aria-labelledby="satisfaction-heading"] table').isVisible());
    const body = await page.locator('main').textContent() ?? '';
    assert.doesNotMatch(body, /Penyuapan|integrity/, 'no whistleblowing category is named');
    await page.context().close();
  });

  it('draws a suppressed bar empty with its mark, so the chart gives away no more than the table', async () => {
    const page = await openPage({ locale: 'id' });
    const channelLabels = await page.locator('#channels-chart text').allTextContents();
    assert.deepEqual(channelLabels.filter((text) => /^[\d<×]/.test(text)), ['12', '<\u00a05', '×']);
    const chart = page.locator('#channels-chart');
    assert.equal(await chart.getAttribute('role'), 'img');
    assert.equal(await page.locator(`#${await chart.getAttribute('aria-labelledby')}`).textContent(), 'Grafik batang: Pengaduan menurut saluran penyampaian, Maret 2025 – Februari 2026.');
    await page.context().close();
  });

  it('formats numbers and months in English', async () => {
    const page = await openPage({ locale: 'en' });
    assert.deepEqual((await summaryOf(page))[2], ['Answered within the service level', '65.0%']);
    assert.deepEqual((await tableOf(page, 'months')).slice(-2), [['February 2026', '15'], ['Total', '20']]);
    assert.match(await page.locator('main').textContent() ?? '', /1 March 2025 to 28 February 2026 \(WIB\)/);
    await page.context().close();
  });

  it('shows a year chosen in the form, without JavaScript', async () => {
    const page = await openPage({ locale: 'id', javaScript: false });
    assert.deepEqual(await page.locator('#tahun option').allTextContents(), ['12 bulan terakhir', 'Tahun 2026']);
    await page.selectOption('#tahun', '2026');
    await page.getByRole('button', { name: 'Tampilkan' }).click();
    assert.equal(new URL(page.url()).search, '?tahun=2026');
    assert.deepEqual(await tableOf(page, 'months'), [['Januari 2026', '5'], ['Februari 2026', '15'], ['Jumlah', '20']]);
    assert.equal(await page.locator('#tahun option[selected]').textContent(), 'Tahun 2026');
    await page.context().close();
  });

  it('answers 404 for a year without statistics and 400 for something that is not a year', async () => {
    assert.equal((await t.app.inject({ method: 'GET', url: '/statistik?tahun=2019' })).statusCode, 404);
    assert.equal((await t.app.inject({ method: 'GET', url: '/statistik?tahun=dua' })).statusCode, 400);
  });

  it('carries no inline style (the policy would block it) and weighs under 50 KB compressed', async () => {
    for (const locale of ['id', 'en']) {
      const response = await t.app.inject({ method: 'GET', url: '/statistik', headers: { 'accept-encoding': 'gzip', cookie: `aduan_lang=${locale}` } });
      assert.equal(response.headers['content-encoding'], 'gzip');
      const html = gunzipSync(response.rawPayload).toString();
      assert.doesNotMatch(html, /style=|<style|<script/);
      assert.ok(response.rawPayload.length < 50 * 1024, `${response.rawPayload.length} bytes`);
      assert.equal((html.match(/<svg /g) ?? []).length, 5, 'every chart but the ratings, which have no bar to draw');
    }
  });

  it('has no accessibility violations in either language at phone and desktop sizes, and no chart wider than a phone', async () => {
    for (const viewport of ['phone', 'desktop'] as const) {
      for (const locale of ['id', 'en'] as const) {
        const page = await openPage({ locale, viewport });
        await page.locator('details').evaluateAll((all) => all.forEach((details) => details.setAttribute('open', '')));
        assert.deepEqual(await accessibilityViolations(page), [], `${locale} at ${viewport} size`);
        const width = viewports[viewport].width;
        assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= width, 'the page does not scroll sideways');
        for (const box of await page.locator('svg[role="img"]').evaluateAll((charts) => charts.map((chart) => chart.getBoundingClientRect().right))) {
          assert.ok(box <= width, `a chart ends at ${box}px`);
        }
        await saveScreenshot(page, `statistics-${locale}-${viewport}`);
        await page.context().close();
      }
    }
  });
});
