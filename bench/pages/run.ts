// npm run bench:pages — Lighthouse (mobile emulation, simulated slow 4G and a 4x slower CPU)
// against the real server on the embedded database, in Debian's chromium. Prints, per page,
// the three scores the portal promises and the bytes transferred against the 50 KB budget.
// See BENCHMARKS.md "Public pages".
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromiumFlags, chromiumPath } from '../../test/support/browser.js';
import { startAppServer } from '../intake/start-server.js';

const pages = (process.env.BENCH_PAGES ?? '/,/pengaduan/baru,/lacak,/publik,/statistik').split(',');
const runs = Number(process.env.BENCH_RUNS ?? 3);
const budgetBytes = 50 * 1024;
const targets = { performance: 95, accessibility: 100, 'best-practices': 100 } as const;
type Category = keyof typeof targets;

interface PageResult {
  path: string;
  scores: Record<Category, number>;
  transferBytes: number;
  firstContentfulPaintMs: number;
  largestContentfulPaintMs: number;
  failedAudits: string[];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

async function measure(url: string, port: number): Promise<Omit<PageResult, 'path'>> {
  const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: Object.keys(targets) });
  if (!result) throw new Error(`lighthouse gave no result for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`lighthouse: ${lhr.runtimeError.message}`);
  const score = (category: Category) => Math.round((lhr.categories[category]?.score ?? 0) * 100);
  const failedAudits = Object.values(lhr.categories).flatMap((category) => category.auditRefs)
    .map((ref) => lhr.audits[ref.id])
    .filter((audit) => audit !== undefined && audit.score !== null && audit.score < 0.9 && audit.scoreDisplayMode !== 'informative' && audit.scoreDisplayMode !== 'notApplicable')
    .map((audit) => `${audit!.id} (${audit!.displayValue ?? audit!.score})`);
  return {
    scores: { performance: score('performance'), accessibility: score('accessibility'), 'best-practices': score('best-practices') },
    transferBytes: Number(lhr.audits['total-byte-weight']?.numericValue ?? 0),
    firstContentfulPaintMs: Number(lhr.audits['first-contentful-paint']?.numericValue ?? 0),
    largestContentfulPaintMs: Number(lhr.audits['largest-contentful-paint']?.numericValue ?? 0),
    failedAudits: [...new Set(failedAudits)],
  };
}

const dataDir = await mkdtemp(join(tmpdir(), 'aduan-bench-pages-'));
const server = await startAppServer({ dataDir: join(dataDir, 'data'), databaseUrl: undefined, secretKey: randomBytes(32).toString('base64') });
const results: PageResult[] = [];
let chrome: chromeLauncher.LaunchedChrome | undefined;
try {
  await mkdir(join(dataDir, 'chrome'));
  chrome = await chromeLauncher.launch({ chromePath: chromiumPath, chromeFlags: chromiumFlags, userDataDir: join(dataDir, 'chrome') });
  for (const path of pages) {
    const measured: Omit<PageResult, 'path'>[] = [];
    for (let run = 0; run < runs; run += 1) measured.push(await measure(`${server.url}${path}`, chrome.port));
    const pick = (category: Category) => median(measured.map((one) => one.scores[category]));
    results.push({
      path,
      scores: { performance: pick('performance'), accessibility: pick('accessibility'), 'best-practices': pick('best-practices') },
      transferBytes: median(measured.map((one) => one.transferBytes)),
      firstContentfulPaintMs: median(measured.map((one) => one.firstContentfulPaintMs)),
      largestContentfulPaintMs: median(measured.map((one) => one.largestContentfulPaintMs)),
      failedAudits: [...new Set(measured.flatMap((one) => one.failedAudits))],
    });
    console.error(`measured ${path}`);
  }
} finally {
  chrome?.kill();
  await server.stop();
  await rm(dataDir, { recursive: true, force: true });
}

const mark = (ok: boolean) => (ok ? 'met' : '**missed**');
console.log(`Lighthouse ${runs} runs per page (median), mobile emulation, Debian chromium; budget ${budgetBytes / 1024} KB transferred.\n`);
console.log('| page | performance (≥ 95) | accessibility (100) | best practices (100) | transferred (share of 50 KB) | FCP | LCP |');
console.log('|---|---|---|---|---|---|---|');
for (const result of results) {
  const { scores } = result;
  console.log(`| \`${result.path}\` | ${scores.performance} ${mark(scores.performance >= targets.performance)} | ${scores.accessibility} ${mark(scores.accessibility >= targets.accessibility)} | ${scores['best-practices']} ${mark(scores['best-practices'] >= targets['best-practices'])} | ${(result.transferBytes / 1024).toFixed(1)} KB (${(result.transferBytes / budgetBytes).toFixed(2)}x) ${mark(result.transferBytes <= budgetBytes)} | ${Math.round(result.firstContentfulPaintMs)} ms | ${Math.round(result.largestContentfulPaintMs)} ms |`);
}
const failures = results.filter((result) => result.failedAudits.length > 0);
if (failures.length > 0) {
  console.log('\nAudits below 0.9:');
  for (const result of failures) console.log(`- \`${result.path}\`: ${result.failedAudits.join(', ')}`);
}
