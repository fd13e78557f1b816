import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { accessibilityViolations, launchBrowser, listen, newBrowserContext, saveScreenshot, type ViewportName } from '../support/browser.js';
import { caseDriver, type Submitted } from '../support/case-driver.js';
import { aStaffMember, rootUnitId } from '../support/staff.js';
import { fixedClock, startTestApp, type TestApp } from '../support/test-app.js';

const clock = fixedClock(new Date('2026-03-13T02:00:00Z'));
let t: TestApp;
let baseUrl: string;
let browser: Browser;
type Staff = Awaited<ReturnType<typeof aStaffMember>>;
let coordinator: Staff, head: Staff, handler: Staff;
let root: number;

before(async () => {
  t = await startTestApp({ clock, server: { trustProxy: true, limits: { submissionsPerHour: 10_000, trackingFailuresPer15Min: 5 } } });
  root = await rootUnitId(t);
  await t.deps.db.updateTable('units').set({ approvalChain: JSON.stringify([{ role: 'head', unitsUp: 0 }]) }).where('id', '=', root).execute();
  coordinator = await aStaffMember(t, { unitId: root, roles: ['coordinator'] });
  head = await aStaffMember(t, { unitId: root, roles: ['head'] });
  handler = await aStaffMember(t, { unitId: root, roles: ['handler'] });
  baseUrl = await listen(t);
  browser = await launchBrowser();
});
after(async () => {
  await browser.close();
  await t.close();
});

const { submit, actOk } = caseDriver(() => t);

const aNamedReporter = { identity: { mode: 'identified', name: 'Siti Aminah', email: 'siti@example.org', address: 'Jl. Melati 5, Pekanbaru' } };

/** Verified, assigned to the handler, answered and the answer sent: the reporter can rate and appeal. */
async function respond(id: string, text = 'Antrean memang lama pada hari itu.\n\nMulai April kami menambah satu loket.'): Promise<void> {
  await actOk(coordinator, id, 'verify', { result: 'indicated', note: 'Ada indikasi' });
  await actOk(coordinator, id, 'triage', { category: 'service.time', urgency: 2, impact: 2 });
  await actOk(head, id, 'assign', { unitId: root, handlerId: handler.id, instructions: 'Periksa antrean' });
  await actOk(handler, id, 'start');
  await actOk(handler, id, 'draft_response', { finding: 'partly_substantiated', text });
  await actOk(handler, id, 'submit_for_approval');
  await actOk(head, id, 'approve', { note: 'Setuju' });
  await actOk(coordinator, id, 'send_response');
}

/** A browser's form session for inject: the CSRF cookie and the token the form carries. */
async function formSession(client = '203.0.113.10'): Promise<{ cookie: string; token: string }> {
  const page = await t.app.inject({ method: 'GET', url: '/lacak', headers: { 'x-forwarded-for': client } });
  const cookie = String(page.cookies.find((c) => c.name === 'aduan_csrf')?.value);
  const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
  assert.ok(token, 'the form carries a token');
  return { cookie: `aduan_csrf=${cookie}`, token };
}

function postForm(url: string, fields: Record<string, string>, headers: Record<string, string>) {
  return t.app.inject({ method: 'POST', url, headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, payload: new URLSearchParams(fields).toString() });
}

async function signInByForm(submitted: Submitted, client = '203.0.113.20') {
  const session = await formSession(client);
  const response = await postForm('/lacak', { _csrf: session.token, registerNumber: submitted.registerNumber, trackingCode: submitted.trackingCode }, { cookie: session.cookie, 'x-forwarded-for': client });
  assert.equal(response.statusCode, 303, response.body);
  const reporter = response.cookies.find((c) => c.name === 'aduan_pelapor');
  assert.ok(reporter);
  return { response, reporter, session, cookie: `${session.cookie}; aduan_pelapor=${reporter.value}` };
}

describe('signing in at /lacak', () => {
  test('a right pair signs in with a short-lived HttpOnly, SameSite=Lax cookie, and neither code nor number is in the redirect', async () => {
    const submitted = await submit();
    const { response, reporter } = await signInByForm(submitted);
    assert.equal(response.headers.location, '/lacak/kasus');
    assert.equal(reporter.httpOnly, true);
    assert.equal(reporter.sameSite, 'Lax');
    assert.equal(reporter.path, '/lacak');
    assert.equal(reporter.maxAge, 30 * 60);
    assert.equal(reporter.secure, undefined, 'plain http on loopback: not Secure');
    assert.ok(!reporter.value.includes(submitted.trackingCode) && !reporter.value.includes(submitted.trackingCode.replaceAll('-', '')), 'the cookie holds the access token, never the code');
    for (const header of [String(response.headers.location), String(response.headers['set-cookie'])]) {
      assert.ok(!header.includes(submitted.trackingCode), 'no code in a header');
    }
  });

  test('over TLS the cookie is Secure as well', async () => {
    const submitted = await submit();
    const session = await formSession();
    const response = await postForm('/lacak', { _csrf: session.token, registerNumber: submitted.registerNumber, trackingCode: submitted.trackingCode }, { cookie: session.cookie, 'x-forwarded-proto': 'https' });
    assert.equal(response.statusCode, 303);
    assert.equal(response.cookies.find((c) => c.name === 'aduan_pelapor')?.secure, true);
  });

  test('a post without the form token, or with another browser\'s, is refused with the 403 page', async () => {
    const submitted = await submit();
    const session = await formSession();
    const other = await formSession();
    const fields = { registerNumber: submitted.registerNumber, trackingCode: submitted.trackingCode };
    for (const [fieldsSent, cookie] of [[fields, session.cookie], [{ ...fields, _csrf: other.token }, session.cookie], [{ ...fields, _csrf: session.token }, '']] as const) {
      const response = await postForm('/lacak', fieldsSent, cookie ? { cookie } : {});
      assert.equal(response.statusCode, 403);
      assert.match(response.body, /Formulir kedaluwarsa/);
      assert.equal(response.cookies.find((c) => c.name === 'aduan_pelapor'), undefined);
    }
  });

  test('a wrong code and an unknown number answer alike, with the API\'s words, keeping the number and never the code', async () => {
    const submitted = await submit();
    const session = await formSession();
    const post = (registerNumber: string, trackingCode: string) =>
      postForm('/lacak', { _csrf: session.token, registerNumber, trackingCode }, { cookie: session.cookie, 'x-forwarded-for': '203.0.113.30' });
    const wrongCode = await post(submitted.registerNumber, 'AAAA-BBBB-CCCC-DDDD');
    const unknownNumber = await post('2026-999999', submitted.trackingCode);
    const malformed = await post('hello', 'UUUU');
    const api = await t.app.inject({ method: 'POST', url: '/api/v1/track', payload: { registerNumber: '2026-999999', trackingCode: 'AAAA' }, headers: { 'x-forwarded-for': '203.0.113.31' } });
    assert.equal(wrongCode.statusCode, api.statusCode);
    assert.equal(unknownNumber.statusCode, 404);
    assert.equal(malformed.statusCode, 404);
    assert.ok(wrongCode.body.includes(api.json().title), 'the API\'s words');
    assert.ok(wrongCode.body.includes(`value="${submitted.registerNumber}"`), 'the number is kept');
    assert.ok(!wrongCode.body.includes('AAAA-BBBB-CCCC-DDDD'), 'the code is not');
    assert.ok(!unknownNumber.body.includes(submitted.trackingCode), 'nor the right code with a wrong number');
    const withoutNumber = (body: string) => body.replaceAll(/value="[^"]*"/g, '');
    assert.equal(withoutNumber(wrongCode.body), withoutNumber(unknownNumber.body), 'nothing tells which half was wrong');
    assert.equal(withoutNumber(wrongCode.body), withoutNumber(malformed.body));
    assert.equal(wrongCode.cookies.find((c) => c.name === 'aduan_pelapor'), undefined);
  });

  test('empty fields are named beside each field and do not count as wrong guesses', async () => {
    const session = await formSession();
    const response = await postForm('/lacak', { _csrf: session.token, registerNumber: ' ', trackingCode: '' }, { cookie: session.cookie, 'x-forwarded-for': '203.0.113.40' });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /<title>Kesalahan: /);
    assert.match(response.body, /href="#nomor-register">Masukkan nomor register/);
    assert.match(response.body, /href="#kode-pelacakan">Masukkan kode pelacakan/);
    assert.match(response.body, /id="nomor-register-error"/);
  });

  test('wrong pairs on the page and on the API count against one limit: the sixth try is refused, even a right one', async () => {
    const submitted = await submit();
    const client = '203.0.113.50';
    const session = await formSession(client);
    const headers = { cookie: session.cookie, 'x-forwarded-for': client };
    for (let attempt = 0; attempt < 3; attempt++) {
      assert.equal((await postForm('/lacak', { _csrf: session.token, registerNumber: submitted.registerNumber, trackingCode: `AAAA-BBBB-CCCC-DDD${attempt}` }, headers)).statusCode, 404);
    }
    for (let attempt = 0; attempt < 2; attempt++) {
      const api = await t.app.inject({ method: 'POST', url: '/api/v1/track', payload: { registerNumber: submitted.registerNumber, trackingCode: `EEEE-BBBB-CCCC-DDD${attempt}` }, headers: { 'x-forwarded-for': client } });
      assert.equal(api.statusCode, 404);
    }
    const blocked = await postForm('/lacak', { _csrf: session.token, registerNumber: submitted.registerNumber, trackingCode: submitted.trackingCode }, headers);
    assert.equal(blocked.statusCode, 429);
    assert.ok(Number(blocked.headers['retry-after']) > 0);
    assert.match(blocked.body, /Terlalu banyak percobaan yang salah/);
    assert.equal(blocked.cookies.find((c) => c.name === 'aduan_pelapor'), undefined);
    const api = await t.app.inject({ method: 'POST', url: '/api/v1/track', payload: { registerNumber: submitted.registerNumber, trackingCode: submitted.trackingCode }, headers: { 'x-forwarded-for': client } });
    assert.equal(api.statusCode, 429, 'the API refuses the same client too');
    const otherClient = await formSession('203.0.113.51');
    const fine = await postForm('/lacak', { _csrf: otherClient.token, registerNumber: submitted.registerNumber, trackingCode: submitted.trackingCode }, { cookie: otherClient.cookie, 'x-forwarded-for': '203.0.113.51' });
    assert.equal(fine.statusCode, 303, 'another client is not slowed');
  });
});

describe('the signed-in case pages over HTTP', () => {
  test('the case page never puts the code in a link, and each post answers 303 back to /lacak/kasus', async () => {
    const submitted = await submit();
    const { cookie, session } = await signInByForm(submitted);
    const page = await t.app.inject({ method: 'GET', url: '/lacak/kasus', headers: { cookie } });
    assert.equal(page.statusCode, 200);
    assert.equal(page.headers['cache-control'], 'no-store');
    assert.ok(!page.body.includes(submitted.trackingCode));
    for (const url of page.body.matchAll(/(?:href|action|src)="([^"]*)"/g)) {
      assert.ok(!url[1]?.includes(submitted.trackingCode) && !url[1]?.includes(submitted.id), `no code or id in ${url[1]}`);
    }
    const posted = await postForm('/lacak/kasus/pesan', { _csrf: session.token, text: 'Saya punya foto antreannya.' }, { cookie });
    assert.equal(posted.statusCode, 303);
    assert.equal(posted.headers.location, '/lacak/kasus?selesai=pesan');
  });

  test('/lacak offers an open session instead of opening it, so the next person at a shared computer lands on the form', async () => {
    const submitted = await submit();
    const { cookie } = await signInByForm(submitted);
    const form = await t.app.inject({ method: 'GET', url: '/lacak', headers: { cookie } });
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /Anda masih masuk ke sebuah pengaduan di peramban ini\. <a href="\/lacak\/kasus">Buka pengaduan itu<\/a>/);
    assert.ok(!form.body.includes(submitted.registerNumber), 'nothing of the case is shown on the form');
    assert.match(form.body, /action="\/lacak\/keluar"/);
  });

  test('an action posted without the form token is refused with 403 and does nothing', async () => {
    const submitted = await submit();
    const { cookie } = await signInByForm(submitted);
    const response = await postForm('/lacak/kasus/pesan', { text: 'Tanpa token' }, { cookie });
    assert.equal(response.statusCode, 403);
    const view = await t.app.inject({ method: 'GET', url: '/lacak/kasus', headers: { cookie } });
    assert.ok(!view.body.includes('Tanpa token'));
  });

  test('after 30 minutes without activity the cookie leads back to /lacak, which says so', async () => {
    const submitted = await submit();
    const { cookie } = await signInByForm(submitted);
    clock.advanceMs(31 * 60 * 1000);
    try {
      const page = await t.app.inject({ method: 'GET', url: '/lacak/kasus', headers: { cookie } });
      assert.equal(page.statusCode, 303);
      assert.equal(page.headers.location, '/lacak?sesi=berakhir');
      assert.equal(page.cookies.find((c) => c.name === 'aduan_pelapor')?.value, '', 'the stale cookie is cleared');
      const post = await postForm('/lacak/kasus/pesan', { text: 'terlambat' }, { cookie });
      assert.equal(post.headers.location, '/lacak?sesi=berakhir');
      const form = await t.app.inject({ method: 'GET', url: '/lacak?sesi=berakhir' });
      assert.match(form.body, /Sesi pelacakan Anda sudah berakhir/);
      const none = await t.app.inject({ method: 'GET', url: '/lacak/kasus' });
      assert.equal(none.headers.location, '/lacak?sesi=berakhir', 'no cookie at all goes the same way');
    } finally {
      clock.advanceMs(-31 * 60 * 1000);
    }
  });

  test('each page stays under 50 KB transferred, stylesheet and script included', async () => {
    const submitted = await submit(aNamedReporter);
    await respond(submitted.id);
    const { cookie: respondedCookie } = await signInByForm(submitted);
    const { cookie: openCookie } = await signInByForm(await submit());
    const weights: Record<string, number> = {};
    for (const [url, cookie] of [['/lacak', ''], ['/lacak/kasus', respondedCookie], ['/lacak/kasus/cabut', openCookie]] as const) {
      const plain = await t.app.inject({ method: 'GET', url, headers: { cookie } });
      assert.equal(plain.statusCode, 200, url);
      const zipped = await t.app.inject({ method: 'GET', url, headers: { cookie, 'accept-encoding': 'gzip' } });
      let total = zipped.rawPayload.length;
      for (const asset of plain.body.matchAll(/(?:href|src)="(\/assets\/[^"]+)"/g)) {
        total += (await t.app.inject({ method: 'GET', url: String(asset[1]), headers: { 'accept-encoding': 'gzip' } })).rawPayload.length;
      }
      weights[url] = total;
      assert.ok(total < 50 * 1024, `${url}: ${total} bytes`);
    }
    console.log(`page weights (bytes, gzip, with assets): ${JSON.stringify(weights)}`);
  });
});

// --- In the browser ---------------------------------------------------------------------

async function signInInBrowser(page: Page, submitted: Submitted): Promise<void> {
  await page.goto(`${baseUrl}/lacak`);
  await page.getByLabel('Nomor register', { exact: true }).fill(submitted.registerNumber);
  await page.getByLabel('Kode pelacakan', { exact: true }).fill(submitted.trackingCode);
  await page.getByRole('button', { name: 'Buka pengaduan' }).click();
  await page.waitForURL(`${baseUrl}/lacak/kasus`);
}

async function noViolations(page: Page, what: string): Promise<void> {
  assert.deepEqual(await accessibilityViolations(page), [], what);
}

/** Every URL the browser asked for during a journey, to check that none carried the code. */
function recordRequests(context: BrowserContext): string[] {
  const urls: string[] = [];
  context.on('request', (request) => urls.push(request.url()));
  return urls;
}

describe('the reporter in the browser', () => {
  test('answers a question from staff, reads the response, downloads the letter, rates and appeals', async () => {
    const submitted = await submit(aNamedReporter);
    const context = await newBrowserContext(browser);
    const urls = recordRequests(context);
    const page = await context.newPage();
    await signInInBrowser(page, submitted);
    assert.equal(await page.locator('h1').textContent(), `Pengaduan ${submitted.registerNumber}`);
    assert.equal(await page.locator('.timeline li').first().locator('p').textContent(), `Pengaduan diterima dengan nomor register ${submitted.registerNumber}.`);
    assert.equal(await page.getByRole('heading', { name: 'Petugas meminta keterangan dari Anda' }).count(), 0);
    const deadlines = page.locator('section[aria-labelledby="deadlines-heading"]');
    assert.match(String(await deadlines.textContent()), /Pengaduan ditanggapi petugasBerjalan sisa \d+ hariBatas waktu: \d+ Maret 2026 \d\d\.\d\d WIB/);

    await actOk(coordinator, submitted.id, 'request_info', { message: 'Pukul berapa tepatnya Anda datang ke loket?' });
    await page.reload();
    assert.match(String(await page.locator('.tag').first().textContent()), /Menunggu keterangan pelapor/);
    await page.getByRole('button', { name: 'Kirim jawaban' }).click();
    assert.equal(await page.locator('.error-summary a').textContent(), 'Tulis jawaban Anda');
    assert.ok(await page.locator('.error-summary').evaluate((element) => element === document.activeElement), 'the summary takes the focus');
    await noViolations(page, 'an unanswered answer');
    await page.getByLabel('Jawaban Anda').fill('Sekitar pukul 09.15, antrean nomor 57.');
    await page.getByRole('button', { name: 'Kirim jawaban' }).click();
    await page.waitForURL(/selesai=jawab/);
    assert.match(String(await page.locator('.notice--success').textContent()), /Jawaban Anda sudah terkirim/);
    assert.ok((await page.locator('.timeline').textContent())?.includes('Sekitar pukul 09.15'));

    await respond(submitted.id);
    await page.goto(`${baseUrl}/lacak/kasus`);
    assert.match(String(await deadlines.textContent()), /Pengaduan ditanggapi petugasTerpenuhi pada 13 Maret 2026 09\.00 WIB/);
    assert.equal(await page.getByRole('heading', { name: 'Tanggapan atas pengaduan Anda' }).count(), 1);
    assert.ok((await page.locator('#response-heading + dl + h3 + .panel').textContent())?.includes('Mulai April kami menambah satu loket.'));
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Unduh surat tanggapan (PDF)' }).click();
    const letter = await download;
    assert.match(letter.suggestedFilename(), /^tanggapan-.*\.pdf$/);
    const pdf = await letter.createReadStream();
    const firstBytes = await new Promise<Buffer>((resolve) => pdf.once('data', (chunk: Buffer) => resolve(chunk)));
    assert.equal(firstBytes.subarray(0, 5).toString(), '%PDF-');
    await noViolations(page, 'a responded case');
    await saveScreenshot(page, 'track-responded-id-phone');

    await page.getByRole('button', { name: 'Kirim penilaian' }).click();
    assert.equal(await page.locator('.error-summary a').textContent(), 'Pilih penilaian dari 1 sampai 5');
    await page.getByLabel('Komentar (tidak wajib)').fill('Jawabannya jelas.');
    await page.getByRole('button', { name: 'Kirim penilaian' }).click();
    assert.equal(await page.getByLabel('Komentar (tidak wajib)').inputValue(), 'Jawabannya jelas.', 'what was typed is kept');
    await page.getByLabel('4 – Puas').check();
    await page.getByRole('button', { name: 'Kirim penilaian' }).click();
    await page.waitForURL(/selesai=nilai/);
    assert.match(String(await page.locator('.panel .tag').textContent()), /Selesai/);
    assert.equal(await page.getByRole('button', { name: 'Kirim penilaian' }).count(), 0, 'rated once');
    assert.equal(await page.getByRole('button', { name: 'Kirim pesan' }).count(), 0, 'a closed case takes no more messages');

    await page.getByLabel('Alasan keberatan').fill('Loket tambahan belum ada sampai sekarang.');
    await page.getByRole('button', { name: 'Ajukan keberatan' }).click();
    await page.waitForURL(/selesai=banding/);
    assert.match(String(await page.locator('.panel .tag').textContent()), /Banding/);
    await noViolations(page, 'an appealed case');
    await saveScreenshot(page, 'track-appealed-id-phone');

    await page.getByRole('button', { name: 'Keluar' }).click();
    await page.waitForURL(`${baseUrl}/lacak?keluar=1`);
    await page.goto(`${baseUrl}/lacak/kasus`);
    assert.equal(new URL(page.url()).pathname, '/lacak', 'signed out means signed out');
    for (const url of urls) assert.ok(!url.includes(submitted.trackingCode) && !url.includes(submitted.trackingCode.replaceAll('-', '')), `no code in ${url}`);
    await context.close();
  });

  for (const viewport of ['phone', 'desktop'] as const) {
    test(`reads back what they wrote, the warning while asked, the response once and the corrective actions (${viewport})`, async () => {
      const submitted = await submit();
      const context = await newBrowserContext(browser, { viewport });
      const page = await context.newPage();
      await signInInBrowser(page, submitted);
      const reported = page.locator('section[aria-labelledby="reported-heading"]');
      assert.equal(await page.getByRole('heading', { name: 'Yang Anda laporkan' }).count(), 1);
      const reportedText = String(await reported.textContent());
      for (const words of ['Petugas loket meminta uang tambahan agar KTP cepat selesai.', 'Apa yang terjadi?', 'Diminta membayar Rp50.000 untuk KTP', 'Kantor Desa Karangbawang, loket 2', 'Diminta langsung secara lisan']) {
        assert.ok(reportedText.includes(words), `the reporter reads back "${words}"`);
      }

      await actOk(coordinator, submitted.id, 'request_info', { message: 'Loket nomor berapa?' });
      await page.reload();
      assert.match(String(await page.locator('section[aria-labelledby="question-heading"]').textContent()),
        /Jika tidak dijawab dalam 10 hari kerja, pengaduan ini akan ditutup \(pada 6 April 2026 16\.00 WIB\)\./);
      await page.getByLabel('Jawaban Anda').fill('Loket 2.');
      await page.getByRole('button', { name: 'Kirim jawaban' }).click();
      await page.waitForURL(/selesai=jawab/);

      const response = 'Pungutan itu tidak sah.\n\nUang Anda kami kembalikan dan petugas diberi pembinaan.';
      await actOk(coordinator, submitted.id, 'verify', { result: 'indicated', note: 'Ada indikasi' });
      await actOk(coordinator, submitted.id, 'triage', { category: 'service.time', urgency: 2, impact: 2 });
      await actOk(head, submitted.id, 'assign', { unitId: root, handlerId: handler.id, instructions: 'Periksa' });
      await actOk(handler, submitted.id, 'start');
      await actOk(handler, submitted.id, 'add_corrective_action', { description: 'Pasang papan tarif resmi di setiap loket', ownerId: handler.id, dueOn: '2026-03-20' });
      await actOk(handler, submitted.id, 'add_corrective_action', { description: 'Pembinaan etika bagi petugas loket', ownerId: head.id, dueOn: '2026-04-30' });
      await actOk(handler, submitted.id, 'draft_response', { finding: 'substantiated', text: response });
      await actOk(handler, submitted.id, 'submit_for_approval');
      await actOk(head, submitted.id, 'approve', { note: 'Setuju' });
      const sent = await actOk(coordinator, submitted.id, 'send_response');
      await actOk(handler, submitted.id, 'complete_corrective_action', { actionId: sent.correctiveActions[0]?.actionId, evidence: 'Foto papan tarif' });
      await page.goto(`${baseUrl}/lacak/kasus`);
      const main = String(await page.locator('main').textContent());
      assert.equal(main.split('Uang Anda kami kembalikan').length - 1, 1, 'the response is on the page once, not again in the history');
      assert.equal(await page.locator('section[aria-labelledby="question-heading"]').count(), 0, 'no warning once answered');
      const rows = await page.locator('section[aria-labelledby="corrective-heading"] tbody tr').allTextContents();
      assert.deepEqual(rows, [
        'Pasang papan tarif resmi di setiap loket20 Maret 2026Selesai',
        'Pembinaan etika bagi petugas loket30 April 2026Sedang dikerjakan',
      ]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.equal(overflow, 0, 'nothing is wider than the screen');
      assert.ok(!main.includes('Foto papan tarif'), 'the evidence of an action is staff\'s');
      await noViolations(page, `a responded case with corrective actions (${viewport})`);
      await saveScreenshot(page, `track-sections-id-${viewport}`);
      await context.close();
    });
  }

  test('adds evidence, and is told plainly when no file or a file over 10 MB is sent', async () => {
    const submitted = await submit();
    const context = await newBrowserContext(browser, { viewport: 'desktop' });
    const page = await context.newPage();
    await signInInBrowser(page, submitted);
    await page.getByRole('button', { name: 'Unggah bukti' }).click();
    assert.equal(await page.locator('.error-summary a').textContent(), 'Pilih sekurang-kurangnya satu berkas');
    assert.equal(await page.locator('#berkas-error').count(), 1);

    await page.getByLabel('Pilih berkas').setInputFiles([
      { name: 'catatan.txt', mimeType: 'text/plain', buffer: Buffer.from('Antrean nomor 57, pukul 09.15.\n') },
      { name: 'foto-loket.png', mimeType: 'image/png', buffer: aPng() },
    ]);
    await page.getByRole('button', { name: 'Unggah bukti' }).click();
    await page.waitForURL(/selesai=bukti/);
    const table = String(await page.locator('#evidence-heading + .table-wrap').textContent());
    assert.ok(table.includes('catatan.txt') && table.includes('foto-loket.png'), table);
    assert.match(String(await page.locator('.timeline').textContent()), /Anda menambahkan berkas foto-loket\.png/);

    // With JavaScript a file over 10 MB, or too many files, is refused when chosen and never sent.
    const tooLarge = Buffer.concat([aPng(), Buffer.alloc(10 * 1024 * 1024 + 1)]);
    const posts: string[] = [];
    page.on('request', (request) => { if (request.method() === 'POST') posts.push(request.url()); });
    await page.getByLabel('Pilih berkas').setInputFiles([{ name: 'video-besar.png', mimeType: 'image/png', buffer: tooLarge }]);
    assert.match(String(await page.locator('#berkas-limits').textContent()), /video-besar\.png lebih dari 10 MB/, 'said beside the field at once');
    await page.getByRole('button', { name: 'Unggah bukti' }).click();
    assert.ok(await page.getByLabel('Pilih berkas').evaluate((element) => element === document.activeElement), 'the field takes the focus');
    const eleven = Array.from({ length: 11 }, (_, index) => ({ name: `foto-${index}.png`, mimeType: 'image/png', buffer: aPng() }));
    await page.getByLabel('Pilih berkas').setInputFiles(eleven);
    assert.match(String(await page.locator('#berkas-limits').textContent()), /Paling banyak 10 berkas sekali kirim/);
    await page.getByRole('button', { name: 'Unggah bukti' }).click();
    await page.waitForTimeout(300);
    assert.deepEqual(posts, [], 'nothing was uploaded');
    await noViolations(page, 'a file refused in the browser');
    await saveScreenshot(page, 'track-evidence-too-large-js-id-desktop');
    await context.close();

    // Without JavaScript the server refuses it, beside the field.
    const plain = await newBrowserContext(browser, { viewport: 'desktop', javaScript: false });
    const plainPage = await plain.newPage();
    await signInInBrowser(plainPage, submitted);
    await plainPage.getByLabel('Pilih berkas').setInputFiles([{ name: 'video-besar.png', mimeType: 'image/png', buffer: tooLarge }]);
    await plainPage.getByRole('button', { name: 'Unggah bukti' }).click();
    await plainPage.locator('.error-summary').waitFor();
    assert.match(String(await plainPage.locator('#berkas-error').textContent()), /video-besar\.png.*10 MB/);
    await saveScreenshot(plainPage, 'track-evidence-error-id-desktop');
    await plain.close();
  });

  test('withdraws only after a confirmation step, without JavaScript', async () => {
    const submitted = await submit();
    const context = await newBrowserContext(browser, { javaScript: false, locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/lacak`);
    await page.getByLabel('Register number', { exact: true }).fill(submitted.registerNumber);
    await page.getByLabel('Tracking code', { exact: true }).fill(submitted.trackingCode.toLowerCase());
    await page.getByRole('button', { name: 'Open my complaint' }).click();
    await page.waitForURL(`${baseUrl}/lacak/kasus`);
    await page.getByLabel('Your message').fill('I found the receipt.');
    await page.getByRole('button', { name: 'Send message' }).click();
    await page.waitForURL(/selesai=pesan/);

    await page.getByRole('link', { name: 'Withdraw the complaint…' }).click();
    await page.waitForURL(`${baseUrl}/lacak/kasus/cabut`);
    assert.equal(await page.locator('h1').textContent(), `Withdraw complaint ${submitted.registerNumber}?`);
    await page.getByRole('link', { name: 'No, go back to the complaint' }).click();
    await page.waitForURL(`${baseUrl}/lacak/kasus`);
    assert.match(String(await page.locator('.panel .tag').textContent()), /Received/, 'going back withdraws nothing');

    await page.getByRole('link', { name: 'Withdraw the complaint…' }).click();
    await page.getByRole('button', { name: 'Yes, withdraw the complaint' }).click();
    assert.equal(await page.locator('.error-summary a').textContent(), 'Write your reason for withdrawing');
    // axe runs as a script in the page, which this browser does not run: the matrix below checks this page.
    await saveScreenshot(page, 'track-withdraw-error-en-phone');
    await page.getByLabel('Reason for withdrawing').fill('The office solved it at the counter.');
    await page.getByRole('button', { name: 'Yes, withdraw the complaint' }).click();
    await page.waitForURL(/selesai=cabut/);
    assert.match(String(await page.locator('.panel .tag').textContent()), /Withdrawn/);
    assert.equal(await page.getByRole('link', { name: 'Withdraw the complaint…' }).count(), 0);
    assert.equal(await page.getByRole('button', { name: 'Upload evidence' }).count(), 0);
    await context.close();
  });
});

describe('accessibility of every state, in both languages, at phone and desktop sizes', () => {
  test('sign-in, errors, each case state and the confirmation have no WCAG 2.1 A/AA violations', async () => {
    const received = await submit();
    const waiting = await submit();
    await actOk(coordinator, waiting.id, 'request_info', { message: 'Mohon sebutkan nomor antrean Anda.' });
    const responded = await submit(aNamedReporter);
    await actOk(handler, responded.id, 'add_note', { text: 'catatan internal' });
    await respond(responded.id);
    const viewports: ViewportName[] = ['phone', 'desktop'];
    for (const viewport of viewports) {
      for (const locale of ['id', 'en'] as const) {
        const context = await newBrowserContext(browser, { viewport });
        await context.addCookies([{ name: 'aduan_lang', value: locale, url: baseUrl }]);
        const page = await context.newPage();
        const check = async (state: string) => {
          await noViolations(page, `${state} (${locale}, ${viewport})`);
          await saveScreenshot(page, `track-${state}-${locale}-${viewport}`);
        };
        await page.goto(`${baseUrl}/lacak`);
        await check('sign-in');
        await page.locator('#nomor-register').fill(received.registerNumber);
        await page.locator('#kode-pelacakan').fill('AAAA-BBBB-CCCC-DDDD');
        await page.locator('form[action="/lacak"] button').click();
        await page.locator('.error-summary').waitFor();
        await check('sign-in-wrong');
        for (const [state, submitted] of [['received', received], ['needs-info', waiting], ['responded', responded]] as const) {
          await context.clearCookies({ name: 'aduan_pelapor' });
          await page.goto(`${baseUrl}/lacak`);
          await page.locator('#nomor-register').fill(submitted.registerNumber);
          await page.locator('#kode-pelacakan').fill(submitted.trackingCode);
          await page.locator('form[action="/lacak"] button').click();
          await page.waitForURL(`${baseUrl}/lacak/kasus`);
          await check(state);
        }
        await page.locator('form[action="/lacak/kasus/banding"] button').click();
        await page.locator('.error-summary').waitFor();
        await check('appeal-error');
        await page.goto(`${baseUrl}/lacak/kasus/cabut`);
        assert.equal(new URL(page.url()).pathname, '/lacak/kasus', 'a responded case cannot be withdrawn: no confirmation page');
        await context.clearCookies({ name: 'aduan_pelapor' });
        await page.goto(`${baseUrl}/lacak`);
        await page.locator('#nomor-register').fill(received.registerNumber);
        await page.locator('#kode-pelacakan').fill(received.trackingCode);
        await page.locator('form[action="/lacak"] button').click();
        await page.waitForURL(`${baseUrl}/lacak/kasus`);
        await page.goto(`${baseUrl}/lacak/kasus/cabut`);
        await check('withdraw-confirm');
        await page.locator('form[action="/lacak/kasus/cabut"] button').click();
        await page.locator('.error-summary').waitFor();
        await check('withdraw-error');
        await page.goto(`${baseUrl}/lacak?sesi=berakhir`);
        await check('session-ended');
        await context.close();
      }
    }
  });
});

/** A valid 1x1 PNG, so that the sniffed type is image/png. */
function aPng(): Buffer {
  return Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
}
