// npm run bench:altcha — what the form's proof of work costs whoever solves it. Solves
// BENCH_ALTCHA_N (default 40) fresh challenges at the difficulty the server issues
// (defaultBotCheckOptions), one after another on one core, with the same Web Crypto PBKDF2 a
// browser uses, and prints the time per solution and how many one core solves in an hour.
// The figure sets the submission limits: see BENCHMARKS.md "Proof of work" and the README.
import { availableParallelism, cpus } from 'node:os';
import { createChallenge, randomInt, solveChallenge } from 'altcha-lib';
import { deriveKey as nodeDeriveKey } from 'altcha-lib/algorithms/pbkdf2';
import { deriveKey as webDeriveKey } from 'altcha-lib/algorithms/web/pbkdf2';
import { defaultBotCheckOptions } from '../../src/http/web/public/complaint-form/bot-check.js';
import { percentile } from '../support/stats.js';

const count = Number(process.env.BENCH_ALTCHA_N ?? 40);
const options = defaultBotCheckOptions;
const secret = 'bench-only-secret';

async function solveOne(): Promise<{ ms: number; counter: number }> {
  const challenge = await createChallenge({
    algorithm: 'PBKDF2/SHA-256', cost: options.cost, deriveKey: nodeDeriveKey,
    hmacSignatureSecret: secret, hmacKeySignatureSecret: `${secret}-key`,
    counter: randomInt(options.counter.max, options.counter.min),
  });
  const started = performance.now();
  const solution = await solveChallenge({ challenge, deriveKey: webDeriveKey });
  const ms = performance.now() - started;
  if (!solution) throw new Error('a challenge was not solved');
  return { ms, counter: solution.counter };
}

const times: number[] = [];
let attempts = 0;
for (let index = 0; index < count; index += 1) {
  const { ms, counter } = await solveOne();
  times.push(ms);
  attempts += counter + 1;
}
const sorted = Float64Array.from(times).sort();
const stats = { p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
const meanMs = times.reduce((sum, ms) => sum + ms, 0) / times.length;
console.log(`ALTCHA proof of work: ${count} challenges, PBKDF2/SHA-256 × ${options.cost} iterations per attempt, answer drawn from ${options.counter.min}–${options.counter.max}`);
console.log(`machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} cores; Node ${process.version}, Web Crypto (crypto.subtle)`);
console.log(`per solution: mean ${meanMs.toFixed(0)} ms, median ${stats.p50.toFixed(0)} ms, p95 ${stats.p95.toFixed(0)} ms (${(attempts / count).toFixed(0)} attempts on average, ${(meanMs * count / attempts).toFixed(3)} ms each)`);
console.log(`one core solves about ${Math.floor(3_600_000 / meanMs)} an hour`);
