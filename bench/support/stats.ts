/** What one measured phase produced: completed operations over wall time, and their latencies. */
export interface PhaseResult {
  count: number;
  seconds: number;
  /** Completed operations per second. */
  rate: number;
  p50Ms: number;
  p99Ms: number;
  /** HTTP answers outside 2xx (0 for database phases). */
  non2xx: number;
  /** Socket errors, timeouts, or failed transactions. */
  errors: number;
  /** CPU cores other processes used meanwhile (see machine-load.ts), when measured. */
  otherCores?: number;
}

/** Nearest-rank percentile of an unsorted sample, in the sample's unit. */
export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

/** Collects latencies without a growing array of boxed numbers per sample. */
export class LatencyRecorder {
  private samples = new Float64Array(1 << 16);
  private size = 0;

  record(ms: number): void {
    if (this.size === this.samples.length) {
      const bigger = new Float64Array(this.samples.length * 2);
      bigger.set(this.samples);
      this.samples = bigger;
    }
    this.samples[this.size++] = ms;
  }

  get count(): number {
    return this.size;
  }

  summarize(seconds: number, extra: { non2xx?: number; errors?: number } = {}): PhaseResult {
    const sorted = this.samples.slice(0, this.size).sort();
    return {
      count: this.size,
      seconds,
      rate: this.size / seconds,
      p50Ms: percentile(sorted, 50),
      p99Ms: percentile(sorted, 99),
      non2xx: extra.non2xx ?? 0,
      errors: extra.errors ?? 0,
    };
  }
}

export function envNumber(name: string, fallback: number): number {
  const raw = process.env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number (got "${raw}")`);
  return value;
}
