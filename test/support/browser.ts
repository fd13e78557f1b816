import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { TestApp } from './test-app.js';

/** Debian's chromium; never a downloaded browser. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const chromiumFlags = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export const viewports = {
  phone: { width: 360, height: 800 },
  desktop: { width: 1280, height: 900 },
} as const;
export type ViewportName = keyof typeof viewports;

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: chromiumFlags });
}

/** A fresh browser profile (cookies included) at a phone or desktop size. */
export async function newBrowserContext(browser: Browser, options: { viewport?: ViewportName; javaScript?: boolean; locale?: string } = {}): Promise<BrowserContext> {
  const viewport = viewports[options.viewport ?? 'phone'];
  return browser.newContext({
    viewport,
    isMobile: options.viewport !== 'desktop',
    hasTouch: options.viewport !== 'desktop',
    javaScriptEnabled: options.javaScript ?? true,
    locale: options.locale ?? 'id-ID',
  });
}

/** Where a test app listens, for the browser: loopback on a free port. */
export async function listen(testApp: TestApp): Promise<string> {
  await testApp.app.listen({ host: '127.0.0.1', port: 0 });
  const address = testApp.app.server.address();
  if (address === null || typeof address === 'string') throw new Error('the test app did not listen on TCP');
  return `http://127.0.0.1:${address.port}`;
}

/** WCAG 2.1 A and AA rules: returns the violations, as "rule: target" lines for a readable failure. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations.flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')} (${violation.help})`));
}

const screenshotDir = join(import.meta.dirname, '..', 'screenshots');

/** A full-page screenshot under test/screenshots/ (not committed), to look at by eye. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  await mkdir(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}
