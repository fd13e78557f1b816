import autocannon, { type AutocannonRequest } from 'autocannon';
import { LatencyRecorder, type PhaseResult } from '../support/stats.js';

export interface HttpLoadOptions {
  url: string;
  connections: number;
  seconds: number;
  /** A fixed JSON body, or a function giving each request's body and extra headers. */
  body: string | (() => { body: string; headers?: Record<string, string> });
}

/**
 * Drives `POST url` with autocannon (programmatic, in this process) for `seconds`.
 * Latencies come from autocannon's per-response timings (sub-millisecond), not its
 * whole-millisecond histogram.
 */
export async function runHttpLoad(options: HttpLoadOptions): Promise<PhaseResult> {
  const headers = { 'content-type': 'application/json' };
  const { body } = options;
  const requests: AutocannonRequest[] | undefined = typeof body === 'string' ? undefined : [{
    method: 'POST',
    setupRequest: (request) => {
      const next = body();
      return { ...request, body: next.body, headers: { ...request.headers, ...next.headers } };
    },
  }];
  const latencies = new LatencyRecorder();
  let non2xx = 0;
  const instance = autocannon({
    url: options.url,
    method: 'POST',
    connections: options.connections,
    duration: options.seconds,
    timeout: 10,
    headers,
    ...(typeof body === 'string' ? { body } : { requests }),
  });
  instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTimeMs: number) => {
    latencies.record(responseTimeMs);
    if (statusCode < 200 || statusCode > 299) non2xx += 1;
  });
  const result = await instance;
  return latencies.summarize(result.duration, { non2xx, errors: result.errors });
}

/** Runs a short untimed load first so the JIT, pools and caches are warm. */
export async function warmUp(options: HttpLoadOptions, seconds: number): Promise<void> {
  if (seconds > 0) await runHttpLoad({ ...options, seconds });
}
