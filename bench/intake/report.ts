import type { PhaseResult } from '../support/stats.js';
import type { BenchDatabaseKind } from './databases.js';

export interface Measurements {
  /** Bare Fastify POST / by connection count. */
  bare: Map<number, PhaseResult>;
  databases: Map<BenchDatabaseKind, DatabaseMeasurements>;
}

export interface DatabaseMeasurements {
  appSubmit: Map<number, PhaseResult>;
  rawSubmit: Map<number, PhaseResult>;
  /** The app's eight statements straight through `pg`. */
  rawAppSequence: Map<number, PhaseResult>;
  appTrack: PhaseResult | undefined;
  rawLookup: PhaseResult | undefined;
  rawTrack: PhaseResult | undefined;
}

export interface RunInfo {
  date: string;
  command: string;
  machine: string;
  seconds: number;
  warmupSeconds: number;
  trackConnections: number;
  versions: string;
  /** Share of the CPUs busy before the run started (other processes). */
  busyBefore: number | undefined;
  cpus: number;
}

const label: Record<BenchDatabaseKind, string> = { embedded: 'embedded (PGlite)', postgresql: 'PostgreSQL' };

const rate = (result: PhaseResult | undefined) => (result ? Math.round(result.rate).toLocaleString('en-US') : 'n/a');
const ms = (value: number | undefined) => (value === undefined || Number.isNaN(value) ? 'n/a' : value < 10 ? value.toFixed(2) : value.toFixed(1));
const ratio = (app: PhaseResult | undefined, base: PhaseResult | undefined) => (app && base && base.rate > 0 ? `${Math.round((app.rate / base.rate) * 100)}%` : 'n/a');
const bad = (result: PhaseResult | undefined) => (result ? `${result.non2xx} / ${result.errors}` : 'n/a');
/** Other processes' CPU during the app phase and its raw counterpart(s). */
const others = (...results: (PhaseResult | undefined)[]) => results.map((result) => result?.otherCores?.toFixed(1) ?? '?').join(' / ');

export function renderReport(info: RunInfo, measured: Measurements): string {
  const lines: string[] = [];
  lines.push(`Run: ${info.date} · ${info.machine} · ${info.versions}`);
  lines.push(`Each phase ${info.seconds} s after a ${info.warmupSeconds} s warm-up; command: \`${info.command}\``);
  const phases = [...measured.bare.values(), ...[...measured.databases.values()].flatMap((results) => [
    ...results.appSubmit.values(), ...results.rawSubmit.values(), ...results.rawAppSequence.values(), results.appTrack, results.rawLookup, results.rawTrack,
  ])].flatMap((result) => (result?.otherCores === undefined ? [] : [result.otherCores]));
  const busy = info.busyBefore === undefined ? 'unknown' : `${Math.round(info.busyBefore * 100)}%`;
  const mean = phases.length === 0 ? 0 : phases.reduce((sum, value) => sum + value, 0) / phases.length;
  const most = Math.max(0, ...phases);
  lines.push(`Background load: CPUs ${busy} busy just before the run; during the measured phases other processes (incl. PostgreSQL backends of other databases) ` +
    `used ${mean.toFixed(2)} CPU on average, ${most.toFixed(2)} at most, of ${info.cpus} (column "others")` +
    (most > 0.2 * info.cpus ? '. **Figures taken while others used much CPU are low and noisy.**' : '.'));
  lines.push('');
  lines.push('### Submissions (`POST /api/v1/complaints`, anonymous, all 5W1H facts) against the raw writes');
  lines.push('');
  lines.push('Raw = the same writes straight through `pg`, one transaction per submission: *minimal* is begin, counter upsert, ' +
    'complaint insert, case event insert, commit; *app\'s 8* adds the app\'s other statements (root unit, last event, sequence update).');
  lines.push('');
  lines.push('| database | clients | app submissions/s | app p50 ms | app p99 ms | non-2xx / errors | raw minimal tx/s | raw p50 ms | raw p99 ms | **app ÷ raw** | raw app\'s 8 tx/s | raw 8 p99 ms | app ÷ bare HTTP | others (app / raw / raw 8) |');
  lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const [kind, results] of measured.databases) {
    for (const connections of [1, 10]) {
      const app = results.appSubmit.get(connections);
      const raw = results.rawSubmit.get(connections);
      const raw8 = results.rawAppSequence.get(connections);
      lines.push(`| ${label[kind]} | ${connections} | ${rate(app)} | ${ms(app?.p50Ms)} | ${ms(app?.p99Ms)} | ${bad(app)} | ${rate(raw)} | ` +
        `${ms(raw?.p50Ms)} | ${ms(raw?.p99Ms)} | **${ratio(app, raw)}** | ${rate(raw8)} | ${ms(raw8?.p99Ms)} | ${ratio(app, measured.bare.get(connections))} | ${others(app, raw, raw8)} |`);
    }
  }
  lines.push('');
  lines.push('### HTTP ceiling (bare Fastify `POST /` → `{ok:true}`, same body, separate process)');
  lines.push('');
  lines.push('| clients | requests/s | p50 ms | p99 ms | non-2xx / errors | others |');
  lines.push('|---:|---:|---:|---:|---:|---:|');
  for (const [connections, result] of measured.bare) {
    lines.push(`| ${connections} | ${rate(result)} | ${ms(result.p50Ms)} | ${ms(result.p99Ms)} | ${bad(result)} | ${others(result)} |`);
  }
  lines.push('');
  lines.push(`### Tracking (${info.trackConnections} clients)`);
  lines.push('');
  lines.push('| database | app `POST /api/v1/track`/s | p50 ms | p99 ms | non-2xx / errors | raw point lookup/s | p50 ms | p99 ms | app ÷ raw lookup | raw 3 queries of the use case/s | app ÷ raw 3 queries | others (app / lookup / 3 queries) |');
  lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const [kind, results] of measured.databases) {
    const { appTrack, rawLookup, rawTrack } = results;
    lines.push(`| ${label[kind]} | ${rate(appTrack)} | ${ms(appTrack?.p50Ms)} | ${ms(appTrack?.p99Ms)} | ${bad(appTrack)} | ${rate(rawLookup)} | ` +
      `${ms(rawLookup?.p50Ms)} | ${ms(rawLookup?.p99Ms)} | ${ratio(appTrack, rawLookup)} | ${rate(rawTrack)} | ${ratio(appTrack, rawTrack)} | ${others(appTrack, rawLookup, rawTrack)} |`);
  }
  const pg = measured.databases.get('postgresql');
  const app10 = pg?.appSubmit.get(10);
  const raw10 = pg?.rawSubmit.get(10);
  if (app10 && raw10) {
    const share = app10.rate / raw10.rate;
    lines.push('');
    lines.push('### Targets (PostgreSQL, 10 clients)');
    lines.push('');
    lines.push(`- app submissions ≥ 50% of the raw rate: **${share >= 0.5 ? 'met' : 'missed'}** (${(share * 100).toFixed(1)}%)`);
    lines.push(`- p99 < 25 ms: **${app10.p99Ms < 25 ? 'met' : 'missed'}** (${ms(app10.p99Ms)} ms)`);
    lines.push(`- no non-2xx answers: **${app10.non2xx === 0 && app10.errors === 0 ? 'met' : 'missed'}**`);
  }
  return lines.join('\n');
}
