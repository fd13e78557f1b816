// The public HTTP API as a black-box client sees it, for the journeys under test/journeys/.
// Deliberately imports nothing from src/: these tests know only URLs and JSON.
import { request as httpRequest } from 'node:http';

/** A complaint that passes validation (test-app.ts's aComplaint too); override what a test is about. */
export function aComplaintBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: 'Pungutan liar di loket KTP',
    description: 'Petugas loket meminta uang tambahan agar KTP cepat selesai.',
    identity: { mode: 'anonymous' },
    facts: {
      what: 'Diminta membayar Rp50.000 untuk KTP', where: 'Kantor Desa Karangbawang, loket 2',
      when: 'Senin 2 Maret 2026 sekitar pukul 09.00', who: 'Petugas loket 2', how: 'Diminta langsung secara lisan',
    },
    ...overrides,
  };
}

export interface Acknowledgement {
  registerNumber: string;
  trackingCode: string;
}

export interface Answer {
  status: number;
  headers: Headers;
  body: unknown;
}

/** POSTs JSON and reads the whole answer; a network failure rejects, as fetch does. */
export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}, timeoutMs = 15_000): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text === '' ? undefined : JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, headers: response.headers, body: parsed };
}

export function submit(baseUrl: string, headers: Record<string, string> = {}, body: unknown = aComplaintBody()): Promise<Answer> {
  return postJson(`${baseUrl}/api/v1/complaints`, body, headers);
}

export function track(baseUrl: string, pair: Acknowledgement, headers: Record<string, string> = {}): Promise<Answer> {
  return postJson(`${baseUrl}/api/v1/track`, { registerNumber: pair.registerNumber, trackingCode: pair.trackingCode }, headers);
}

/** The register number and tracking code of a 201 answer; throws on anything else. */
export function acknowledgementOf(answer: Answer): Acknowledgement {
  const body = answer.body as Partial<Acknowledgement> | undefined;
  if (answer.status !== 201 || typeof body?.registerNumber !== 'string' || typeof body.trackingCode !== 'string') {
    throw new Error(`expected 201 with a register number and a tracking code, got ${answer.status} ${JSON.stringify(answer.body)}`);
  }
  return { registerNumber: body.registerNumber, trackingCode: body.trackingCode };
}

/** `2026-000123` → { year: 2026, sequence: 123 }. */
export function parseRegister(registerNumber: string): { year: number; sequence: number } {
  const match = /^(\d{4})-(\d{6,})$/.exec(registerNumber);
  if (!match) throw new Error(`not a register number without prefix: ${registerNumber}`);
  return { year: Number(match[1]), sequence: Number(match[2]) };
}

export function registerNumberOf(year: number, sequence: number): string {
  return `${year}-${String(sequence).padStart(6, '0')}`;
}

/** Runs `task` for each item with at most `concurrency` at once; keeps the order of results. */
export async function mapConcurrently<T, R>(items: readonly T[], concurrency: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}

/**
 * POSTs JSON on a connection of its own that is closed after the answer (`Connection: close`,
 * no keep-alive), as a client without a connection pool does. fetch cannot do that.
 */
export function postJsonWithoutKeepAlive(url: string, body: unknown, timeoutMs = 15_000): Promise<Answer> {
  const payload = Buffer.from(JSON.stringify(body));
  return new Promise<Answer>((resolveAnswer, reject) => {
    const request = httpRequest(url, {
      method: 'POST',
      agent: false,
      headers: { 'content-type': 'application/json', 'content-length': String(payload.length), connection: 'close' },
      timeout: timeoutMs,
    }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed: unknown = text;
        try {
          parsed = text === '' ? undefined : JSON.parse(text);
        } catch {
          // not JSON: keep the text
        }
        const headers = new Headers();
        for (const [name, value] of Object.entries(response.headers)) {
          if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
        }
        resolveAnswer({ status: response.statusCode ?? 0, headers, body: parsed });
      });
    });
    request.on('timeout', () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    request.on('error', reject);
    request.end(payload);
  });
}
