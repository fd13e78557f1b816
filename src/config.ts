import { isIP } from 'node:net';
import { resolve } from 'node:path';

/** Fastify's `trustProxy`: off, on, a hop count, or the addresses of trusted proxies. */
export type TrustProxy = boolean | number | string[];

export interface Config {
  host: string;
  port: number;
  dataDir: string;
  /** PostgreSQL connection string; undefined means the embedded database in `dataDir`. */
  databaseUrl: string | undefined;
  /** The server secret as given; undefined means "generate one into dataDir on first start". */
  secretKey: string | undefined;
  admin: { email: string; password: string } | undefined;
  trustProxy: TrustProxy;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  filesDir: string;
  /** Where the public reaches the server, without a trailing slash (printed in letters). */
  publicUrl: string;
  /** Submissions one client may make per hour before it gets 429. */
  submissionsPerHour: number;
  /** Wrong tracking pairs one client may try per 15 minutes before it gets 429. */
  trackingFailuresPer15Min: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * Reads the environment once and names every bad value in one message, so an operator
 * fixes them all in one go instead of one restart per mistake.
 */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const problems: string[] = [];
  const text = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = text(name);
    if (raw === undefined) return fallback;
    if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return Number(raw);
  };

  const host = text('HOST') ?? '0.0.0.0';
  const port = integer('PORT', 3000, 0, 65535);
  const dataDir = resolve(text('DATA_DIR') ?? './data');

  const databaseUrl = text('DATABASE_URL');
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL must be a postgres:// or postgresql:// URL (leave it unset for the embedded database)');
  }

  const secretKey = text('ADUAN_SECRET_KEY');
  if (secretKey !== undefined && secretKey.length < 32) {
    // Never echo the value: it is the key.
    problems.push('ADUAN_SECRET_KEY must be at least 32 characters (e.g. `openssl rand -base64 32`)');
  }

  const adminEmail = text('ADUAN_ADMIN_EMAIL');
  const adminPassword = env.ADUAN_ADMIN_PASSWORD;
  let admin: Config['admin'];
  if (adminEmail !== undefined || (adminPassword !== undefined && adminPassword !== '')) {
    if (adminEmail === undefined || !/^[^\s@]+@[^\s@]+$/.test(adminEmail)) {
      problems.push('ADUAN_ADMIN_EMAIL must be an email address when ADUAN_ADMIN_PASSWORD is set');
    }
    if (adminPassword === undefined || adminPassword.length < 12) {
      problems.push('ADUAN_ADMIN_PASSWORD must be at least 12 characters when ADUAN_ADMIN_EMAIL is set');
    }
    if (adminEmail !== undefined && adminPassword !== undefined) admin = { email: adminEmail.toLowerCase(), password: adminPassword };
  }

  const trustProxy = parseTrustProxy(text('TRUST_PROXY'), problems);

  const logLevelRaw = text('LOG_LEVEL') ?? 'info';
  const logLevel = (logLevels as readonly string[]).includes(logLevelRaw) ? (logLevelRaw as Config['logLevel']) : 'info';
  if (logLevel !== logLevelRaw) problems.push(`LOG_LEVEL must be one of ${logLevels.join(', ')} (got "${logLevelRaw}")`);

  const publicUrlRaw = text('PUBLIC_URL') ?? `http://localhost:${port}`;
  if (!/^https?:\/\/[^\s/]+(\/[^\s]*)?$/.test(publicUrlRaw)) problems.push(`PUBLIC_URL must be an http(s) URL (got "${publicUrlRaw}")`);
  const publicUrl = publicUrlRaw.replace(/\/+$/, '');
  const filesDir = resolve(text('FILES_DIR') ?? resolve(dataDir, 'files'));
  const submissionsPerHour = integer('SUBMISSIONS_PER_HOUR', 30, 1, 1_000_000);
  const trackingFailuresPer15Min = integer('TRACKING_FAILURES_PER_15_MIN', 10, 1, 1_000_000);

  if (problems.length > 0) throw new ConfigError(problems);
  return {
    host, port, dataDir, databaseUrl, secretKey, admin, trustProxy, logLevel, filesDir, publicUrl,
    submissionsPerHour, trackingFailuresPer15Min,
  };
}

function parseTrustProxy(raw: string | undefined, problems: string[]): TrustProxy {
  if (raw === undefined || raw === 'false' || raw === 'off' || raw === '0') return false;
  if (raw === 'true' || raw === 'on') return true;
  if (/^\d+$/.test(raw)) return Number(raw);
  const entries = raw.split(',').map((entry) => entry.trim()).filter((entry) => entry !== '');
  const bad = entries.filter((entry) => isIP(entry.split('/')[0] ?? '') === 0);
  if (bad.length > 0 || entries.length === 0) {
    problems.push(`TRUST_PROXY must be true, false, a hop count, or a comma-separated list of proxy addresses/CIDRs (bad: ${bad.join(', ') || raw})`);
    return false;
  }
  return entries;
}
