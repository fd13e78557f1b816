import { readFile } from 'node:fs/promises';
import { loadavg } from 'node:os';

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

/** Keeps the highest 1-minute load average seen at the checkpoints. */
export class LoadWatch {
  max = loadavg()[0] ?? 0;

  check(): number {
    const now = loadavg()[0] ?? 0;
    this.max = Math.max(this.max, now);
    return now;
  }
}
