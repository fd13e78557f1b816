import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { accessibilityViolations, launchBrowser, listen, newBrowserContext, saveScreenshot } from '../support/browser.js';
import { aStaffMember, rootUnitId } from '../support/staff.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let testApp: TestApp;
let baseUrl: string;
let browser: Browser;

before(async () => {
  testApp = await startTestApp();
  baseUrl = await listen(testApp);
  browser = await launchBrowser();
});
after(async () => {
  await browser.close();
  await testApp.close();
});

const aSiteContact = {
  organisation: 'BKPSDMD Kabupaten Manggarai Timur',
  address: 'Jl. Lehong, Borong, Manggarai Timur',
  email: 'pengaduan@bkpsdmd.example.go.id',
  whatsapp: '0822-8666-6106',
  phone: '(0385) 123456',
  callCentre: '1500991',
  openingHours: { id: 'Senin–Jumat, 08.00–16.00 WITA', en: 'Monday to Friday, 08:00–16:00 WITA' },
  suggestionBoxes: ['Lobi kantor BKPSDMD, lantai 1', 'Ruang tunggu layanan kepegawaian'],
};

async function putSite(authorization: string | undefined, body: unknown) {
  return testApp.app.inject({ method: 'PUT', url: '/api/v1/admin/site', headers: authorization ? { authorization } : {}, payload: body as Record<string, unknown> });
}

test('a fresh installation shows the service standard, complaining on the web and a way to track', async () => {
  const page = await testApp.app.inject({ method: 'GET', url: '/', headers: { cookie: 'aduan_lang=id' } });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /href="\/pengaduan\/baru"/);
  assert.match(page.body, /href="\/lacak"/);
  for (const text of ['14 hari', '30 hari', 'Tidak dipungut biaya', 'Lewat situs ini']) assert.ok(page.body.includes(text), `shows "${text}"`);
  assert.doesNotMatch(page.body, /<h3>(WhatsApp|Kotak saran|Surat|Datang langsung)<\/h3>/, 'channels nobody set up are not offered');
  const standard = /<table>[\s\S]*?<\/table>/.exec(page.body)?.[0] ?? '';
  assert.match(standard, /<td>Situs ini<\/td><td>14 hari<\/td>/);
  for (const channel of ['datang langsung', 'telepon', 'surat', 'kotak saran', 'surel', 'WhatsApp', '30 menit', '7 hari kerja']) {
    assert.ok(!standard.toLowerCase().includes(channel.toLowerCase()), `the service standard does not promise "${channel}", which is not set up`);
  }
  assert.match(page.body, /<title>Beranda · Aduan<\/title>/, 'without a body\'s name the service name stands in');
});

test('only an administrator reads and changes the contact details, and they are checked', async () => {
  const unitId = await rootUnitId(testApp);
  const admin = await aStaffMember(testApp, { unitId, roles: ['admin'] });
  const coordinator = await aStaffMember(testApp, { unitId, roles: ['coordinator'] });

  assert.equal((await putSite(undefined, aSiteContact)).statusCode, 401);
  assert.equal((await putSite(coordinator.authorization, aSiteContact)).statusCode, 403);
  const fresh = await testApp.app.inject({ method: 'GET', url: '/api/v1/admin/site', headers: { authorization: admin.authorization } });
  assert.equal(fresh.statusCode, 200);
  assert.equal(fresh.json().address, null, 'no address until one is set');

  const bad = await putSite(admin.authorization, { ...aSiteContact, email: 'bukan surel', fax: '021' });
  assert.equal(bad.statusCode, 400);
  assert.deepEqual(bad.json().errors.map((error: { pointer: string }) => error.pointer).sort(), ['/email', '/fax']);

  const saved = await putSite(admin.authorization, aSiteContact);
  assert.equal(saved.statusCode, 200);
  // Letterhead fields left out of the request read back as unset.
  assert.deepEqual(saved.json(), { website: null, place: null, ...aSiteContact });
  const read = await testApp.app.inject({ method: 'GET', url: '/api/v1/admin/site', headers: { authorization: admin.authorization } });
  assert.deepEqual(read.json(), { website: null, place: null, ...aSiteContact });
  const audit = await testApp.deps.db.selectFrom('adminAuditEvents').select(['action', 'actorId']).where('action', '=', 'settings.site_contact_set').execute();
  assert.deepEqual(audit, [{ action: 'settings.site_contact_set', actorId: admin.id }], 'the change is in the audit log');
});

test('every way to complain that is set up is on the home page, with its requirement and time limit', async () => {
  const page = await testApp.app.inject({ method: 'GET', url: '/', headers: { cookie: 'aduan_lang=id' } });
  for (const text of [aSiteContact.organisation, aSiteContact.address, 'Tunjukkan KTP', 'Lampirkan fotokopi KTP', aSiteContact.suggestionBoxes[0], aSiteContact.openingHours.id]) {
    assert.ok(page.body.includes(text as string), `shows "${text}"`);
  }
  assert.match(page.body, /href="mailto:pengaduan@bkpsdmd\.example\.go\.id"/);
  assert.match(page.body, /href="https:\/\/wa\.me\/6282286666106"/, 'WhatsApp in international form');
  assert.match(page.body, /href="tel:1500991"/);
  const english = await testApp.app.inject({ method: 'GET', url: '/', headers: { cookie: 'aduan_lang=en' } });
  assert.ok(english.body.includes(aSiteContact.openingHours.en));
  assert.ok(english.body.includes('7 working days'));
  const standard = /<table>[\s\S]*?<\/table>/.exec(page.body)?.[0] ?? '';
  for (const text of ['30 menit', '7 hari kerja', 'Datang langsung', 'kotak saran', 'WhatsApp']) assert.ok(standard.includes(text), `the service standard lists "${text}" once it is set up`);
});

test('the body\'s name is in the header and every page title once it is set', async () => {
  for (const path of ['/', '/lacak', '/pengaduan/baru', '/publik', '/statistik', '/tidak-ada']) {
    const page = await testApp.app.inject({ method: 'GET', url: path, headers: { cookie: 'aduan_lang=id', accept: 'text/html' } });
    assert.match(page.body, new RegExp(`<title>[^<]+ — ${aSiteContact.organisation}</title>`), `${path} names the body in its title`);
    assert.match(page.body, new RegExp(`class="site-header__name"[^>]*>${aSiteContact.organisation}<`), `${path} names the body in its header`);
  }
  const track = await testApp.app.inject({ method: 'GET', url: '/lacak', headers: { cookie: 'aduan_lang=id' } });
  assert.match(track.body, new RegExp(`<title>Lacak pengaduan — ${aSiteContact.organisation}</title>`));
});

test('a reporter who lost the tracking code is told whom to contact and to name the old register number in a new complaint', async () => {
  const page = await testApp.app.inject({ method: 'GET', url: '/lacak', headers: { cookie: 'aduan_lang=id' } });
  const lost = /<section[^>]*aria-labelledby="lost-code-heading"[\s\S]*?<\/section>/.exec(page.body)?.[0] ?? '';
  assert.match(lost, /Kode pelacakan hilang\?/);
  for (const text of [aSiteContact.organisation, aSiteContact.address, aSiteContact.email, aSiteContact.whatsapp, aSiteContact.phone]) {
    assert.ok(lost.includes(text), `names "${text}"`);
  }
  assert.match(lost, /nomor register lama/);
  assert.match(lost, /href="\/pengaduan\/baru"/);
});

test('the time limits on the home page are the ones the deadlines use, after an administrator changes them', async () => {
  const admin = await aStaffMember(testApp, { unitId: await rootUnitId(testApp), roles: ['admin'] });
  const policies = await testApp.app.inject({ method: 'GET', url: '/api/v1/admin/service-levels', headers: { authorization: admin.authorization } });
  const letter = (policies.json().items as { id: number; channel: string | null }[]).find((policy) => policy.channel === 'letter');
  assert.ok(letter);
  const changed = await testApp.app.inject({
    method: 'PATCH', url: `/api/v1/admin/service-levels/${letter.id}`, headers: { authorization: admin.authorization },
    payload: { response: { amount: 5, unit: 'working_days' } },
  });
  assert.equal(changed.statusCode, 200);
  const page = await testApp.app.inject({ method: 'GET', url: '/', headers: { cookie: 'aduan_lang=id' } });
  assert.ok(page.body.includes('Paling lama 5 hari kerja sejak surat diterima'));
  assert.match(page.body, /<tr><td>Surat<\/td><td>5 hari kerja<\/td><\/tr>/, 'letters now have their own row');
  assert.match(page.body, /<tr><td>Kotak saran<\/td><td>7 hari kerja<\/td><\/tr>/);
  assert.match(page.body, /<tr><td>Datang langsung, telepon<\/td><td>30 menit<\/td><\/tr>/);
});

/** Bytes over the wire for the page and everything it loads, images left out. */
async function transferredBytes(page: Page, url: string): Promise<number> {
  const responses: Promise<number>[] = [];
  page.on('requestfinished', (request) => {
    if (request.resourceType() === 'image') return;
    responses.push(request.sizes().then((sizes) => Math.max(0, sizes.responseBodySize) + sizes.responseHeadersSize));
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  return (await Promise.all(responses)).reduce((sum, size) => sum + size, 0);
}

test('the home page is accessible, light and readable at phone and desktop sizes in both languages', async () => {
  for (const viewport of ['phone', 'desktop'] as const) {
    for (const locale of ['id', 'en'] as const) {
      const context = await newBrowserContext(browser, { viewport });
      await context.addCookies([{ name: 'aduan_lang', value: locale, url: baseUrl }]);
      const page = await context.newPage();
      const bytes = await transferredBytes(page, `${baseUrl}/`);
      assert.ok(bytes < 50 * 1024, `${bytes} bytes transferred (${locale}, ${viewport})`);
      assert.deepEqual(await accessibilityViolations(page), [], `${locale} at ${viewport} size`);
      assert.equal(await page.locator('h1').count(), 1);
      await saveScreenshot(page, `home-${locale}-${viewport}`);
      await context.close();
    }
  }
});
