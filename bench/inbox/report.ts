import { percentile } from '../support/stats.js';

export interface Summary {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function summarize(samples: number[]): Summary {
  const sorted = Float64Array.from(samples).sort();
  return { n: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: sorted[sorted.length - 1] ?? Number.NaN };
}

export interface ScenarioResult {
  name: string;
  request: string;
  /** p95 target for the HTTP answer, ms. */
  targetMs: number;
  matched: string;
  app: Summary;
  rawPage: Summary;
  rawCounts: Summary;
  /** Both queries at once on two connections, as list-inbox.ts runs them (Promise.all). */
  rawBoth: Summary;
  pagePlan: string;
  countsPlan: string;
  pageSql: string;
  countsSql: string;
}

export interface RunInfo {
  date: string;
  command: string;
  machine: string;
  versions: string;
  data: string;
  requests: number;
  warmup: number;
}

const ms = (value: number) => (Number.isNaN(value) ? 'n/a' : value < 10 ? value.toFixed(2) : value.toFixed(1));

export function ratioOf(result: ScenarioResult): number {
  return result.app.p95 / result.rawBoth.p95;
}

export function verdict(result: ScenarioResult): string {
  const fast = result.app.p95 < result.targetMs;
  const close = ratioOf(result) <= 1.5;
  return `${fast ? 'meets' : '**misses**'} < ${result.targetMs} ms; ${close ? 'meets' : '**misses**'} ≤ 1.5x`;
}

export function renderReport(info: RunInfo, results: ScenarioResult[]): string {
  const lines: string[] = [];
  lines.push(`Run: ${info.date} · ${info.machine} · ${info.versions}`);
  lines.push(`Command: \`${info.command}\``);
  lines.push(`Data: ${info.data}`);
  lines.push(`Each scenario: ${info.warmup} warm-up rounds, then ${info.requests} rounds of (one HTTP request; the page query alone; the counts query alone; both at once on two connections), sequential, one client.`);
  lines.push('');
  lines.push('| scenario | app p50 | app p95 | app p99 | raw page p50 / p95 | raw counts p50 / p95 | raw page ∥ counts p50 / p95 | **app p95 ÷ raw p95** | target |');
  lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---|');
  for (const result of results) {
    lines.push(`| ${result.name} | ${ms(result.app.p50)} | ${ms(result.app.p95)} | ${ms(result.app.p99)} | ${ms(result.rawPage.p50)} / ${ms(result.rawPage.p95)} | ` +
      `${ms(result.rawCounts.p50)} / ${ms(result.rawCounts.p95)} | ${ms(result.rawBoth.p50)} / ${ms(result.rawBoth.p95)} | ` +
      `**${ratioOf(result).toFixed(2)}x** | ${verdict(result)} |`);
  }
  lines.push('');
  lines.push('All times in ms. Requests:');
  lines.push('');
  for (const result of results) lines.push(`- ${result.name}: \`${result.request}\` (${result.matched})`);
  for (const result of results) {
    lines.push('');
    lines.push(`#### ${result.name}: plans (\`EXPLAIN (ANALYZE, BUFFERS)\`, warm, after the timed rounds)`);
    lines.push('');
    lines.push('Page query:');
    lines.push('');
    lines.push('```sql');
    lines.push(result.pageSql);
    lines.push('```');
    lines.push('');
    lines.push('```');
    lines.push(result.pagePlan);
    lines.push('```');
    lines.push('');
    lines.push('Counts query:');
    lines.push('');
    lines.push('```sql');
    lines.push(result.countsSql);
    lines.push('```');
    lines.push('');
    lines.push('```');
    lines.push(result.countsPlan);
    lines.push('```');
  }
  return lines.join('\n');
}
