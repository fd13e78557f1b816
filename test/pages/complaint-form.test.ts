import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { accessibilityViolations, launchBrowser, listen, newBrowserContext, saveScreenshot } from '../support/browser.js';
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

/** A 1x1 PNG: real image bytes, so the server's sniffing accepts it. */
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

const aComplaintForm = {
  identity: 'anonymous',
  title: 'Pungutan liar di loket KTP',
  description: 'Petugas loket meminta uang tambahan agar KTP cepat selesai.',
  what: 'Diminta membayar Rp50.000 untuk KTP',
  who: 'Petugas loket 2',
  when: 'Senin 2 Maret 2026 sekitar pukul 09.00',
  where: 'Kantor Desa Karangbawang, loket 2',
  how: 'Diminta langsung secara lisan',
};

interface Session {
  cookie: string;
  csrf: string;
  challenge: Challenge;
}

/** Opens the form as a browser would: its cookies, its form token and its ALTCHA challenge. */
async function openForm(app: TestApp = testApp, locale = 'id'): Promise<Session> {
  const page = await app.app.inject({ method: 'GET', url: '/pengaduan/baru', headers: { cookie: `aduan_lang=${locale}` } });
  assert.equal(page.statusCode, 200);
  const csrfCookie = String(page.headers['set-cookie']).match(/aduan_csrf=([^;]+)/)?.[1];
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
  const challenge = /data-challenge="([^"]+)"/.exec(page.body)?.[1]?.replaceAll('&quot;', '"');
  assert.ok(csrfCookie && csrf && challenge);
  return { cookie: `aduan_lang=${locale}; aduan_csrf=${csrfCookie}`, csrf, challenge: JSON.parse(challenge) as Challenge };
}

/** The form as multipart/form-data, exactly as a browser encodes it (an empty file part included). */
async function multipart(fields: Record<string, string>, files: { name: string; content: Buffer; type: string }[] = []) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  if (files.length === 0) form.append('attachments', new Blob([]), '');
  for (const file of files) form.append('attachments', new Blob([new Uint8Array(file.content)], { type: file.type }), file.name);
  const request = new Request('http://aduan.test/', { method: 'POST', body: form });
  return { payload: Buffer.from(await request.arrayBuffer()), contentType: request.headers.get('content-type') ?? '' };
}

async function post(session: Session, fields: Record<string, string>, options: { files?: { name: string; content: Buffer; type: string }[]; app?: TestApp; headers?: Record<string, string> } = {}) {
  const body = await multipart({ _csrf: session.csrf, altcha: '', website: '', ...fields }, options.files);
  return (options.app ?? testApp).app.inject({
    method: 'POST', url: '/pengaduan/baru', payload: body.payload,
    headers: { 'content-type': body.contentType, cookie: session.cookie, ...options.headers },
  });
}

async function solvedProof(session: Session): Promise<string> {
  const solution = await solveChallenge({ challenge: session.challenge, deriveKey });
  assert.ok(solution);
  return Buffer.from(JSON.stringify({ challenge: session.challenge, solution })).toString('base64');
}

const complaintCount = async (app: TestApp = testApp) => Number((await app.deps.db.selectFrom('complaints').select((eb) => eb.fn.countAll().as('count')).executeTakeFirstOrThrow()).count);

const receiptCookieOf = (setCookie: string | string[] | undefined) => [setCookie ?? []].flat().find((cookie) => cookie.startsWith('aduan_tanda_terima='));

test('a form without its token is refused with a page that says so, and nothing is kept', async () => {
  const session = await openForm();
  const before = await complaintCount();
  const forged = await post({ ...session, csrf: 'x'.repeat(64) }, aComplaintForm, { files: [{ name: 'bukti.png', content: png, type: 'image/png' }] });
  assert.equal(forged.statusCode, 403);
  assert.match(forged.body, /Formulir kedaluwarsa/);
  const withoutCookie = await post({ ...session, cookie: 'aduan_lang=id' }, aComplaintForm);
  assert.equal(withoutCookie.statusCode, 403);
  assert.equal(await complaintCount(), before);
  assert.deepEqual(await readdir(testApp.uploadDir).catch(() => []), [], 'no uploaded file is left behind');
});

test('a filled-in honeypot refuses the complaint but gives back what was typed', async () => {
  const session = await openForm();
  const before = await complaintCount();
  const response = await post(session, { ...aComplaintForm, website: 'https://spam.example' });
  assert.equal(response.statusCode, 400);
  assert.match(response.body, /<title>Galat: Buat pengaduan/);
  assert.match(response.body, /kolom tersembunyi/);
  assert.ok(response.body.includes(aComplaintForm.description));
  assert.equal(await complaintCount(), before);
});

test('a refused form lists every problem, links each to its field and keeps everything typed but the files', async () => {
  const session = await openForm();
  const before = await complaintCount();
  const response = await post(session, {
    identity: 'identified', name: '', email: 'bukan-surel', title: 'KT', description: 'Uraian yang cukup panjang untuk dibaca petugas.',
    what: 'Pungutan <b>liar</b> "tanpa" kuitansi', where: 'Loket 2', category: 'integrity.bribery', location: 'di dekat pasar', allowPublication: 'yes',
  }, { files: [{ name: 'foto-loket.png', content: png, type: 'image/png' }] });
  assert.equal(response.statusCode, 400);
  const body = response.body;
  assert.match(body, /<title>Galat: Buat pengaduan · Aduan<\/title>/);
  // The summary, in page order, each entry a link to its field.
  const links = [...body.matchAll(/<li><a href="#([\w-]+)">/g)].map((match) => match[1]);
  assert.deepEqual(links, ['name', 'email', 'title', 'location']);
  // Each message beside its field, announced with it.
  assert.match(body, /<span id="name-error" class="field__error"><span class="visually-hidden">Galat: <\/span>Tulis nama Anda, atau pilih anonim<\/span>/);
  assert.match(body, /id="email" name="email" value="bukan-surel"[^>]*aria-describedby="email-hint email-error"[^>]*aria-invalid="true"/);
  assert.match(body, /Judul paling sedikit 3 karakter/);
  // Kept as typed, and escaped.
  assert.match(body, /<input type="radio" id="identity-identified" name="identity" value="identified" checked/);
  assert.ok(body.includes('Pungutan &lt;b>liar&lt;/b> &quot;tanpa&quot; kuitansi'));
  assert.match(body, /<option value="integrity.bribery" selected>/);
  assert.match(body, /value="di dekat pasar"/);
  assert.match(body, /id="allow-publication" name="allowPublication" value="yes" checked/);
  // Files cannot come back: the page says which ones to choose again.
  assert.match(body, /foto-loket\.png\. Pilih lagi sebelum mengirim/);
  // The checklist says what is still missing.
  assert.match(body, /<li data-fact="who"><a href="#fact-who">Siapa yang terlibat<\/a>: <span class="tag tag--warn" data-state="true">belum dijawab/);
  assert.match(body, /2 dari 5 pertanyaan sudah dijawab/);
  assert.equal(await complaintCount(), before);
});

test('in English the refused form says "Error:" and speaks English', async () => {
  const session = await openForm(testApp, 'en');
  const response = await post(session, { ...aComplaintForm, identity: '' });
  assert.equal(response.statusCode, 400);
  assert.match(response.body, /<title>Error: Make a complaint/);
  assert.match(response.body, /<a href="#identity-identified">Choose how to report/);
});

test('a file over 10 MB or of a refused type is named, and the rest of the form comes back', async () => {
  const session = await openForm();
  const big = await post(session, aComplaintForm, { files: [{ name: 'video-besar.mp4', content: Buffer.alloc(10 * 1024 * 1024 + 1, 1), type: 'video/mp4' }] });
  assert.equal(big.statusCode, 400);
  assert.match(big.body, /Berkas &quot;video-besar\.mp4&quot; lebih dari 10 MB/);
  assert.ok(big.body.includes(aComplaintForm.where), 'what was typed after the file came back too');
  const program = await post(session, aComplaintForm, { files: [{ name: 'bukti.exe', content: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(512, 0x90)]), type: 'application/octet-stream' }] });
  assert.equal(program.statusCode, 415);
  assert.match(program.body, /<a href="#attachments">Berkas &quot;bukti\.exe&quot; bukan jenis yang diterima/);
  assert.deepEqual(await readdir(testApp.uploadDir).catch(() => []), []);
});

test('a complaint sent without JavaScript leads to a receipt shown once; the code is never in a URL', async () => {
  const session = await openForm();
  const response = await post(session, { ...aComplaintForm, name: 'Nama yang tidak disimpan', email: 'tidak@disimpan.test' }, { files: [{ name: 'bukti.png', content: png, type: 'image/png' }] });
  assert.equal(response.statusCode, 303);
  assert.equal(response.headers.location, '/pengaduan/tanda-terima');
  const receiptCookie = receiptCookieOf(response.headers['set-cookie']);
  assert.ok(receiptCookie);
  assert.match(receiptCookie, /HttpOnly/);
  assert.match(receiptCookie, /SameSite=Strict/);
  assert.match(receiptCookie, /Path=\/pengaduan\/tanda-terima/);

  const cookie = `${session.cookie}; ${receiptCookie.split(';')[0]}`;
  const receipt = await testApp.app.inject({ method: 'GET', url: '/pengaduan/tanda-terima', headers: { cookie } });
  assert.equal(receipt.statusCode, 200);
  assert.equal(receipt.headers['cache-control'], 'no-store');
  assert.match(String(receipt.headers['set-cookie']), /aduan_tanda_terima=;.*Expires=Thu, 01 Jan 1970/, 'the browser is told to forget it');
  const textOf = (attribute: string) => new RegExp(`${attribute}[^>]*>(.*?)</dd>`).exec(receipt.body)?.[1]?.replace(/<[^>]*>/g, '');
  const registerNumber = textOf('data-register-number');
  const trackingCode = textOf('data-tracking-code');
  assert.ok(registerNumber && trackingCode);
  assert.match(receipt.body, /Catat dan rahasiakan kode pelacakan/);

  const stored = await testApp.deps.db.selectFrom('complaints').selectAll().where('registerNumber', '=', registerNumber).executeTakeFirstOrThrow();
  assert.equal(stored.identityMode, 'anonymous');
  assert.equal(stored.identitySealed, null, 'an anonymous report keeps no name, whatever was typed');
  assert.equal(stored.allowPublication, false, 'publication is opt-in');
  assert.equal(stored.channel, 'web');
  const attachments = await testApp.deps.db.selectFrom('attachments').select(['fileName', 'mediaType']).where('complaintId', '=', stored.id).execute();
  assert.deepEqual(attachments, [{ fileName: 'bukti.png', mediaType: 'image/png' }]);
  const tracked = await testApp.app.inject({ method: 'POST', url: '/api/v1/track', payload: { registerNumber, trackingCode } });
  assert.equal(tracked.statusCode, 200, 'the code on the receipt opens the complaint');

  const again = await testApp.app.inject({ method: 'GET', url: '/pengaduan/tanda-terima', headers: { cookie } });
  assert.equal(again.statusCode, 410, 'a second look, even with a copy of the cookie, finds nothing');
  assert.ok(!again.body.includes(trackingCode));

  // The PDF: posted with the form token and the sealed ticket from the receipt page.
  const ticket = /name="ticket" value="([^"]+)"/.exec(receipt.body)?.[1] ?? '';
  const pdf = await testApp.app.inject({ method: 'POST', url: '/pengaduan/tanda-terima/pdf', headers: { cookie: session.cookie }, payload: { _csrf: session.csrf, ticket } });
  assert.equal(pdf.statusCode, 200);
  assert.equal(pdf.headers['content-type'], 'application/pdf');
  assert.match(String(pdf.headers['content-disposition']), new RegExp(`attachment; filename="tanda-terima-${registerNumber}.pdf"`));
  assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
  const forgedPdf = await testApp.app.inject({ method: 'POST', url: '/pengaduan/tanda-terima/pdf', headers: { cookie: session.cookie }, payload: { _csrf: session.csrf, ticket: `${ticket.slice(0, -4)}AAAA` } });
  assert.equal(forgedPdf.statusCode, 410);
  const noToken = await testApp.app.inject({ method: 'POST', url: '/pengaduan/tanda-terima/pdf', headers: { cookie: session.cookie }, payload: { ticket } });
  assert.equal(noToken.statusCode, 403);
});

test('the upload script is told where the receipt is instead of being redirected to it', async () => {
  const session = await openForm();
  const response = await post(session, aComplaintForm, { headers: { 'x-aduan-upload': '1' } });
  assert.equal(response.statusCode, 200);
  assert.deepEqual(response.json(), { location: '/pengaduan/tanda-terima' });
  assert.ok(receiptCookieOf(response.headers['set-cookie']));
});

test('without a proof of work a client may send only a few complaints an hour; a solved challenge counts once', async () => {
  // 12 an hour in general gives half, 6 an hour, without a proof of work.
  const limited = await startTestApp({ server: { limits: { submissionsPerHour: 12, trackingFailuresPer15Min: 10 } } });
  try {
    const session = await openForm(limited);
    for (let i = 0; i < 6; i++) assert.equal((await post(session, aComplaintForm, { app: limited })).statusCode, 303);
    const refused = await post(session, aComplaintForm, { app: limited });
    assert.equal(refused.statusCode, 429);
    assert.ok(Number(refused.headers['retry-after']) > 0);
    assert.match(refused.body, /tanpa pemeriksaan anti-robot otomatis/);
    // Its own message with the time to come back, not one more thing to correct in the form.
    assert.match(refused.body, /Terlalu banyak pengaduan dari jaringan Anda dalam satu jam\. Coba lagi pukul \d\d\.\d\d W(IB|ITA|IT)\./);
    assert.ok(!refused.body.includes('Ada yang perlu diperbaiki'), 'a rate limit is not a mistake in the form');
    assert.ok(refused.body.includes(aComplaintForm.description), 'what was typed comes back');

    const proof = await solvedProof(session);
    assert.equal((await post(session, { ...aComplaintForm, altcha: proof }, { app: limited })).statusCode, 303, 'a solved challenge passes');
    assert.equal((await post(session, { ...aComplaintForm, altcha: proof }, { app: limited })).statusCode, 429, 'the same solution again does not');
    const tampered = Buffer.from(Buffer.from(proof, 'base64').toString().replace(/"counter":\d+/, '"counter":1')).toString('base64');
    assert.equal((await post(session, { ...aComplaintForm, altcha: tampered }, { app: limited })).statusCode, 429);
    assert.equal(await complaintCount(limited), 7);

    // The general limit counts every post, refused ones too.
    let status = 0;
    for (let i = 0; i < 24 && status !== 429; i++) status = (await post(session, { ...aComplaintForm, title: '' }, { app: limited })).statusCode;
    assert.equal(status, 429);
  } finally {
    await limited.close();
  }
});

// ---- In a real browser ----

async function fillComplaint(page: Page): Promise<void> {
  await page.getByLabel(/^Anonim/).check();
  await page.getByLabel('Judul singkat').fill(aComplaintForm.title);
  await page.getByLabel('Uraian pengaduan').fill(aComplaintForm.description);
  await page.getByLabel('Apa yang terjadi?').fill(aComplaintForm.what);
  await page.getByLabel('Siapa yang terlibat?').fill(aComplaintForm.who);
  await page.getByLabel('Kapan terjadi?').fill(aComplaintForm.when);
  await page.getByLabel('Di mana terjadi?').fill(aComplaintForm.where);
  await page.getByLabel('Bagaimana kejadiannya?').fill(aComplaintForm.how);
  await page.locator('#attachments').setInputFiles({ name: 'bukti.png', mimeType: 'image/png', buffer: png });
}

async function expectReceipt(page: Page): Promise<{ registerNumber: string; trackingCode: string }> {
  await page.waitForURL('**/pengaduan/tanda-terima');
  assert.equal(await page.locator('h1').textContent(), 'Pengaduan Anda sudah kami terima');
  const registerNumber = (await page.locator('[data-register-number]').textContent()) ?? '';
  const trackingCode = (await page.locator('[data-tracking-code]').textContent()) ?? '';
  assert.match(registerNumber, /^\d{4}-\d{6}$/);
  assert.ok(trackingCode.length >= 16);
  assert.ok(!page.url().includes(trackingCode));
  return { registerNumber, trackingCode };
}

async function attachmentsOf(registerNumber: string): Promise<string[]> {
  const rows = await testApp.deps.db.selectFrom('attachments').innerJoin('complaints', 'complaints.id', 'attachments.complaintId')
    .select('attachments.fileName').where('complaints.registerNumber', '=', registerNumber).execute();
  return rows.map((row) => row.fileName);
}

test('with JavaScript a file over 10 MB, or too many files, is refused beside the field when chosen and nothing is sent', async () => {
  const context = await newBrowserContext(browser, { viewport: 'phone' });
  const page = await context.newPage();
  const posts: string[] = [];
  page.on('request', (request) => { if (request.method() === 'POST') posts.push(request.url()); });
  await page.goto(`${baseUrl}/pengaduan/baru`);
  await fillComplaint(page);
  const tooLarge = Buffer.concat([png, Buffer.alloc(10 * 1024 * 1024 + 1)]);
  await page.locator('#attachments').setInputFiles([{ name: 'video-besar.png', mimeType: 'image/png', buffer: tooLarge }]);
  assert.match(String(await page.locator('#attachments-limits').textContent()), /video-besar\.png lebih dari 10 MB/);
  await page.getByRole('button', { name: 'Kirim pengaduan' }).click();
  assert.ok(await page.locator('#attachments').evaluate((element) => element === document.activeElement), 'the field takes the focus');
  await page.locator('#attachments').setInputFiles(Array.from({ length: 11 }, (_, index) => ({ name: `foto-${index}.png`, mimeType: 'image/png', buffer: png })));
  assert.match(String(await page.locator('#attachments-limits').textContent()), /Paling banyak 10 berkas sekali kirim/);
  await page.getByRole('button', { name: 'Kirim pengaduan' }).click();
  await page.waitForTimeout(300);
  assert.deepEqual(posts, [], 'nothing was uploaded');
  await page.locator('#attachments').setInputFiles([{ name: 'bukti.png', mimeType: 'image/png', buffer: png }]);
  assert.equal(await page.locator('#attachments-limits').textContent(), '', 'an acceptable choice clears the message');
  await context.close();
});

test('with JavaScript: an anonymous complaint with a photo, the ALTCHA solved, reaches the receipt and its PDF', async () => {
  const context = await newBrowserContext(browser, { viewport: 'phone' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => { if (message.type() === 'error' && !/status of 4\d\d/.test(message.text())) errors.push(message.text()); });
  await page.goto(`${baseUrl}/pengaduan/baru`);
  assert.equal(await page.locator('#person').isHidden(), false, 'no choice yet: "About you" is shown');
  await fillComplaint(page);
  assert.equal(await page.locator('#person').isHidden(), true, 'anonymous: "About you" is hidden');
  // The checklist follows the typing.
  await page.waitForFunction(() => document.querySelector('[data-score]')?.textContent?.startsWith('5 dari 5'));
  await page.waitForSelector('form[data-altcha-state="solved"]', { timeout: 60_000 });
  assert.ok((await page.locator('input[name="altcha"]').inputValue()).length > 100);
  await page.getByRole('button', { name: 'Kirim pengaduan' }).click();
  const { registerNumber } = await expectReceipt(page);
  assert.deepEqual(await attachmentsOf(registerNumber), ['bukti.png']);
  assert.equal(await page.getByRole('button', { name: 'Cetak tanda terima' }).isVisible(), true, 'the print button appears with JavaScript');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Unduh tanda terima (PDF)' }).click();
  assert.equal((await download).suggestedFilename(), `tanda-terima-${registerNumber}.pdf`);
  await page.reload();
  assert.equal(await page.locator('h1').textContent(), 'Tanda terima sudah ditampilkan');
  assert.deepEqual(errors, []);
  await context.close();
});

test('without JavaScript the same form is sent and the receipt shown', async () => {
  const context = await newBrowserContext(browser, { viewport: 'desktop', javaScript: false });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/pengaduan/baru`);
  await fillComplaint(page);
  await page.getByRole('button', { name: 'Kirim pengaduan' }).click();
  const { registerNumber } = await expectReceipt(page);
  assert.deepEqual(await attachmentsOf(registerNumber), ['bukti.png']);
  assert.equal(await page.getByRole('button', { name: 'Cetak tanda terima' }).isVisible(), false, 'no print button without JavaScript');
  await context.close();
});

for (const javaScript of [true, false]) {
  test(`a refused submission keeps what was typed and shows the error summary (JavaScript ${javaScript ? 'on' : 'off'})`, async () => {
    const context = await newBrowserContext(browser, { viewport: 'phone', javaScript });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/pengaduan/baru`);
    await page.getByLabel('Dengan identitas').check();
    await page.getByLabel('Surel (email)').fill('bukan-surel');
    await page.getByLabel('Uraian pengaduan').fill(aComplaintForm.description);
    await page.getByLabel('Di mana terjadi?').fill(aComplaintForm.where);
    await page.getByRole('button', { name: 'Kirim pengaduan' }).click();
    const summary = page.locator('.error-summary');
    await summary.waitFor({ timeout: 60_000 });
    assert.match(await page.title(), /^Galat: Buat pengaduan/);
    assert.deepEqual(await summary.locator('a').allTextContents(), ['Tulis nama Anda, atau pilih anonim', 'Tulis surel seperti nama@contoh.id', 'Tulis judul singkat pengaduan']);
    if (javaScript) assert.equal(await summary.evaluate((element) => element === document.activeElement), true, 'the summary has the focus');
    assert.equal(await page.getByLabel('Surel (email)').inputValue(), 'bukan-surel');
    assert.equal(await page.getByLabel('Uraian pengaduan').inputValue(), aComplaintForm.description);
    assert.equal(await page.getByLabel('Dengan identitas').isChecked(), true);
    await summary.getByRole('link', { name: 'Tulis judul singkat pengaduan' }).click();
    if (javaScript) assert.equal(await page.evaluate(() => document.activeElement?.id), 'title', 'the link moves to the field');
    // axe runs as a script in the page, so only where scripts run; the markup is the same.
    if (javaScript) assert.deepEqual(await accessibilityViolations(page), []);
    await saveScreenshot(page, `complaint-form-errors-id-phone-js-${javaScript ? 'on' : 'off'}`);

    // Corrected, it goes through.
    await page.getByLabel('Nama lengkap').fill('Siti Aminah');
    await page.getByLabel('Surel (email)').fill('siti@contoh.id');
    await page.getByLabel('Judul singkat').fill(aComplaintForm.title);
    await page.getByRole('button', { name: 'Kirim pengaduan' }).click();
    await expectReceipt(page);
    await context.close();
  });
}

/** Bytes over the wire for the page and everything it loads, images left out. */
async function transferredBytes(page: Page, load: () => Promise<unknown>): Promise<number> {
  const sizes: Promise<number>[] = [];
  const listener = (request: import('playwright-core').Request) => {
    if (request.resourceType() !== 'image') sizes.push(request.sizes().then((size) => Math.max(0, size.responseBodySize) + size.responseHeadersSize));
  };
  page.on('requestfinished', listener);
  await load();
  await page.waitForLoadState('networkidle');
  page.off('requestfinished', listener);
  return (await Promise.all(sizes)).reduce((sum, size) => sum + size, 0);
}

/** A receipt for the browser: sent through the server, its one-time cookie handed to the context. */
async function receiptIn(context: BrowserContext, locale: 'id' | 'en'): Promise<void> {
  const session = await openForm(testApp, locale);
  const response = await post(session, aComplaintForm);
  const cookie = receiptCookieOf(response.headers['set-cookie'])?.split(';')[0]?.split('=') ?? [];
  await context.addCookies([{ name: cookie[0] ?? '', value: cookie.slice(1).join('='), url: `${baseUrl}/pengaduan/tanda-terima` }]);
}

test('the form and the receipt are accessible and light, at phone and desktop sizes in both languages', async () => {
  for (const viewport of ['phone', 'desktop'] as const) {
    for (const locale of ['id', 'en'] as const) {
      const context = await newBrowserContext(browser, { viewport });
      await context.addCookies([{ name: 'aduan_lang', value: locale, url: baseUrl }]);
      const page = await context.newPage();
      const formBytes = await transferredBytes(page, () => page.goto(`${baseUrl}/pengaduan/baru`));
      assert.ok(formBytes < 50 * 1024, `form: ${formBytes} bytes (${locale}, ${viewport})`);
      assert.deepEqual(await accessibilityViolations(page), [], `form, ${locale} at ${viewport} size`);
      await saveScreenshot(page, `complaint-form-${locale}-${viewport}`);

      await receiptIn(context, locale);
      const receiptBytes = await transferredBytes(page, () => page.goto(`${baseUrl}/pengaduan/tanda-terima`));
      assert.ok(receiptBytes < 50 * 1024, `receipt: ${receiptBytes} bytes (${locale}, ${viewport})`);
      assert.equal(await page.locator('[data-tracking-code]').count(), 1);
      assert.deepEqual(await accessibilityViolations(page), [], `receipt, ${locale} at ${viewport} size`);
      await saveScreenshot(page, `receipt-${locale}-${viewport}`);
      await context.close();
    }
  }
  const context = await newBrowserContext(browser, { viewport: 'desktop' });
  await context.addCookies([{ name: 'aduan_lang', value: 'en', url: baseUrl }]);
  const page = await context.newPage();
  await page.goto(`${baseUrl}/pengaduan/baru`);
  await page.getByRole('button', { name: 'Send complaint' }).click();
  await page.locator('.error-summary').waitFor({ timeout: 60_000 });
  assert.deepEqual(await accessibilityViolations(page), []);
  await saveScreenshot(page, 'complaint-form-errors-en-desktop');
  await context.close();
});

test('the form asks whom the complaint concerns, says it keeps the complaint away from them, and stores it for staff', async () => {
  const page = await testApp.app.inject({ method: 'GET', url: '/pengaduan/baru' });
  assert.match(page.body, /<textarea id="concerns" name="concerns"[^>]*aria-describedby="concerns-hint"/);
  assert.match(page.body, /tidak akan ditangani atau dilihat oleh orang itu/);
  const english = await testApp.app.inject({ method: 'GET', url: '/pengaduan/baru', headers: { cookie: 'aduan_lang=en' } });
  assert.match(english.body, /kept away from that person/);

  const session = await openForm();
  const response = await post(session, { ...aComplaintForm, concerns: 'Pak Budi, kepala seksi pelayanan', altcha: await solvedProof(session) });
  assert.equal(response.statusCode, 303, response.body);
  const stored = await testApp.deps.db.selectFrom('complaints').select(['concerns']).orderBy('submittedAt', 'desc').executeTakeFirstOrThrow();
  assert.equal(stored.concerns, 'Pak Budi, kepala seksi pelayanan');
});

test('a whistleblowing report with no integrity team to receive it is refused beside the category, keeping what was typed', async () => {
  const session = await openForm();
  const before = await complaintCount();
  const response = await post(session, { ...aComplaintForm, category: 'integrity.bribery', concerns: 'Bendahara', altcha: await solvedProof(session) });
  assert.equal(response.statusCode, 409, response.body);
  assert.match(response.body, /<li><a href="#category">/);
  assert.match(response.body, /tim integritas/);
  assert.match(response.body, /<option value="integrity.bribery" selected>/);
  assert.match(response.body, />Bendahara<\/textarea>/);
  assert.equal(await complaintCount(), before);
});

/** The groups of a code (between its hyphens) whose characters do not all sit on one line. */
async function groupsSplitAcrossLines(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluate((element) => {
    const characters: { node: Text; offset: number }[] = [];
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node !== null; node = walker.nextNode() as Text | null) {
      for (let offset = 0; offset < node.data.length; offset += 1) characters.push({ node, offset });
    }
    const text = characters.map(({ node, offset }) => node.data[offset]).join('');
    const split: string[] = [];
    let start = 0;
    for (const group of text.split('-')) {
      const tops = new Set<number>();
      for (let index = start; index < start + group.length; index += 1) {
        const character = characters[index];
        if (character === undefined || /\s/.test(character.node.data[character.offset] ?? '')) continue;
        const range = document.createRange();
        range.setStart(character.node, character.offset);
        range.setEnd(character.node, character.offset + 1);
        tops.add(Math.round(range.getBoundingClientRect().top));
      }
      if (tops.size > 1) split.push(group);
      start += group.length + 1;
    }
    return split;
  });
}

test('the receipt keeps each group of the tracking code whole on phones from 320 to 412 px wide and at 1280 px', async () => {
  for (const viewport of ['phone', 'desktop'] as const) {
    const context = await newBrowserContext(browser, { viewport });
    const page = await context.newPage();
    await receiptIn(context, 'id');
    await page.goto(`${baseUrl}/pengaduan/tanda-terima`);
    const code = String(await page.locator('[data-tracking-code]').textContent()).trim();
    assert.match(code, /^[0-9A-Z]{4}(-[0-9A-Z]{4})+$/, 'the code reads as it is typed, hyphens and all');
    // Where a line ends depends on the width: every common phone width, 360 px among them.
    for (const width of viewport === 'phone' ? [320, 340, 360, 375, 390, 412] : [1280]) {
      await page.setViewportSize({ width, height: 800 });
      assert.deepEqual(await groupsSplitAcrossLines(page, '[data-tracking-code]'), [], `no group of ${code} is broken at ${width} px`);
      assert.deepEqual(await groupsSplitAcrossLines(page, '[data-register-number]'), [], `the register number is whole at ${width} px`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.equal(overflow, 0, `nothing is wider than the screen at ${width} px`);
    }
    await page.setViewportSize({ width: viewport === 'phone' ? 360 : 1280, height: 800 });
    await saveScreenshot(page, `receipt-code-id-${viewport}`);
    await context.close();
  }
});
