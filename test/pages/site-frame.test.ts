import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
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

test('the language link switches the page to English and the choice is remembered', async () => {
  const context = await newBrowserContext(browser);
  const page = await context.newPage();
  await page.goto(`${baseUrl}/`);
  assert.equal(await page.getAttribute('html', 'lang'), 'id');
  await page.getByRole('link', { name: 'Switch to English' }).click();
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(new URL(page.url()).pathname, '/');
  await page.goto(`${baseUrl}/`);
  assert.equal(await page.getAttribute('html', 'lang'), 'en', 'a later visit stays in English');
  await context.close();
});

test('an unknown page answers a readable 404 page to a browser and problem+json to the API', async () => {
  const context = await newBrowserContext(browser);
  const page = await context.newPage();
  const response = await page.goto(`${baseUrl}/tidak-ada`);
  assert.equal(response?.status(), 404);
  assert.equal(await page.locator('h1').textContent(), 'Halaman tidak ditemukan');
  assert.deepEqual(await accessibilityViolations(page), []);
  await context.close();
  const api = await testApp.app.inject({ method: 'GET', url: '/api/v1/nothing', headers: { accept: 'application/json' } });
  assert.equal(api.headers['content-type'], 'application/problem+json; charset=utf-8');
});

test('pages carry a strict content security policy and load no inline script or style', async () => {
  const response = await testApp.app.inject({ method: 'GET', url: '/' });
  const policy = String(response.headers['content-security-policy']);
  assert.match(policy, /script-src 'self'/);
  assert.match(policy, /style-src 'self'/);
  assert.doesNotMatch(policy, /unsafe-inline/);
  assert.doesNotMatch(response.body, /<script>|<style|style="/);
});

test('the stylesheet is served compressed under a hashed name a browser may keep for a year', async () => {
  const page = await testApp.app.inject({ method: 'GET', url: '/' });
  const href = /href="(\/assets\/site\.[0-9a-f]{10}\.css)"/.exec(page.body)?.[1];
  assert.ok(href, 'the page links the hashed stylesheet');
  const css = await testApp.app.inject({ method: 'GET', url: href, headers: { 'accept-encoding': 'gzip' } });
  assert.equal(css.statusCode, 200);
  assert.equal(css.headers['content-encoding'], 'gzip');
  assert.match(String(css.headers['cache-control']), /immutable/);
  const stale = await testApp.app.inject({ method: 'GET', url: '/assets/site.0000000000.css' });
  assert.equal(stale.statusCode, 404);
});

test('the language link never sends the browser to another site', async () => {
  for (const back of ['//evil.example/', 'https://evil.example/', '/\\evil.example']) {
    const response = await testApp.app.inject({ method: 'GET', url: `/bahasa/en?kembali=${encodeURIComponent(back)}` });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/');
  }
});

test('the home page has no accessibility violations in either language at phone and desktop sizes', async () => {
  for (const viewport of ['phone', 'desktop'] as const) {
    for (const locale of ['id', 'en'] as const) {
      const context = await newBrowserContext(browser, { viewport });
      await context.addCookies([{ name: 'aduan_lang', value: locale, url: baseUrl }]);
      const page = await context.newPage();
      await page.goto(`${baseUrl}/`);
      assert.deepEqual(await accessibilityViolations(page), [], `${locale} at ${viewport} size`);
      await saveScreenshot(page, `frame-home-${locale}-${viewport}`);
      await context.close();
    }
  }
});
