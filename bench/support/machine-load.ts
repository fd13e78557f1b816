import { readdir, readFile } from 'node:fs/promises';
import pg from 'pg';

async function cpuTicks(): Promise<{ busy: number; total: number } | undefined> {
  const stat = await readFile('/proc/stat', 'utf8').catch(() => undefined);
  const fields = stat?.split('\n')[0]?.trim().split(/\s+/).slice(1).map(Number);
  if (!fields || fields.length < 5) return undefined;
  const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
  const total = fields.reduce((sum, value) => sum + value, 0);
  return { busy: total - idle, total };
}

/** The share of all CPUs busy over `ms` (Linux only; undefined elsewhere). */
export async function busyShare(ms: number): Promise<number | undefined> {
  const before = await cpuTicks();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const after = await cpuTicks();
  if (!before || !after || after.total === before.total) return undefined;
  return (after.busy - before.busy) / (after.total - before.total);
}

interface ProcessTicks {
  ppid: number;
  comm: string;
  ticks: number;
}

/** utime+stime of every process, from /proc (Linux; empty elsewhere). */
export async function processSnapshot(): Promise<Map<number, ProcessTicks>> {
  const snapshot = new Map<number, ProcessTicks>();
  const entries = await readdir('/proc').catch(() => [] as string[]);
  await Promise.all(entries.filter((name) => /^\d+$/.test(name)).map(async (name) => {
    const stat = await readFile(`/proc/${name}/stat`, 'utf8').catch(() => undefined);
    if (stat === undefined) return;
    const close = stat.lastIndexOf(')');
    const comm = stat.slice(stat.indexOf('(') + 1, close);
    const fields = stat.slice(close + 2).split(' ');
    // After "pid (comm) ": state ppid … utime is field 14 and stime 15 of the whole line.
    snapshot.set(Number(name), { ppid: Number(fields[1]), comm, ticks: Number(fields[11]) + Number(fields[12]) });
  }));
  return snapshot;
}

const ticksPerSecond = 100; // USER_HZ on Linux

/** PostgreSQL backend pid → its database (null for the server's own processes), or undefined if unreachable. */
export async function postgresBackends(adminUrl: string): Promise<Map<number, string | null> | undefined> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    const { rows } = await client.query<{ pid: number; datname: string | null }>(
      'select pid, datname from pg_stat_activity where pid <> pg_backend_pid()',
    );
    return new Map(rows.map((row) => [row.pid, row.datname]));
  } catch {
    return undefined;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export interface OtherLoadContext {
  /** Backends as seen at the end of the phase; without them no PostgreSQL process is counted. */
  backends?: Map<number, string | null> | undefined;
  /** The database this run's phase used, whose backends are ours. */
  ourDatabase?: string | undefined;
}

/**
 * CPU cores used, on average over `seconds`, by processes that are neither this process
 * nor its descendants (the servers under test): the background load that competed with
 * the measurement. PostgreSQL backends count as others' when they serve another
 * database; its shared processes (WAL writer, checkpointer …) are not counted.
 */
export function otherProcessesCores(
  before: Map<number, ProcessTicks>, after: Map<number, ProcessTicks>, seconds: number, context: OtherLoadContext = {},
): number {
  const ours = new Set<number>([process.pid]);
  const isOurs = (pid: number): boolean => {
    const seen: number[] = [];
    let current: number | undefined = pid;
    while (current !== undefined && current > 1 && !ours.has(current) && seen.length < 64) {
      seen.push(current);
      current = after.get(current)?.ppid ?? before.get(current)?.ppid;
    }
    const result = current !== undefined && ours.has(current);
    if (result) for (const id of seen) ours.add(id);
    return result;
  };
  const othersPostgres = (pid: number): boolean => {
    const database = context.backends?.get(pid);
    return database !== undefined && database !== null && database !== context.ourDatabase;
  };
  let ticks = 0;
  for (const [pid, now] of after) {
    if (now.comm === 'postgres' ? !othersPostgres(pid) : isOurs(pid)) continue;
    ticks += now.ticks - (before.get(pid)?.ticks ?? 0);
  }
  return ticks / ticksPerSecond / seconds;
}
