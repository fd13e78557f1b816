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
  /** The mail server; undefined means mail is off (SMTP_HOST unset). */
  smtp: SmtpConfig | undefined;
  /** inline: the worker runs inside the server process; off: run `npm run worker` beside it (PostgreSQL only). */
  worker: 'inline' | 'off';
}

export interface SmtpConfig {
  host: string;
  port: number;
  secure: boolean;
  user: string | undefined;
  password: string | undefined;
  from: string;
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
  const submissionsPerHour = integer('SUBMISSIONS_PER_HOUR', 120, 1, 1_000_000);
  const trackingFailuresPer15Min = integer('TRACKING_FAILURES_PER_15_MIN', 10, 1, 1_000_000);

  const smtp = parseSmtp(text, integer, problems);
  const workerRaw = text('WORKER') ?? 'inline';
  if (workerRaw !== 'inline' && workerRaw !== 'off') problems.push(`WORKER must be inline or off (got "${workerRaw}")`);
  const worker = workerRaw === 'off' ? 'off' : 'inline';

  if (problems.length > 0) throw new ConfigError(problems);
  return {
    host, port, dataDir, databaseUrl, secretKey, admin, trustProxy, logLevel, filesDir, publicUrl,
    submissionsPerHour, trackingFailuresPer15Min, smtp, worker,
  };
}

function parseSmtp(
  text: (name: string) => string | undefined,
  integer: (name: string, fallback: number, min: number, max: number) => number,
  problems: string[],
): SmtpConfig | undefined {
  const host = text('SMTP_HOST');
  const port = integer('SMTP_PORT', 587, 1, 65535);
  const secureRaw = text('SMTP_SECURE');
  if (secureRaw !== undefined && secureRaw !== 'true' && secureRaw !== 'false') problems.push(`SMTP_SECURE must be true or false (got "${secureRaw}")`);
  const user = text('SMTP_USER');
  const password = text('SMTP_PASSWORD');
  const from = text('MAIL_FROM');
  if (host === undefined) return undefined;
  // Never echo the password: only say whether it is missing.
  if (user !== undefined && password === undefined) problems.push('SMTP_PASSWORD must be set when SMTP_USER is set');
  if (from === undefined) problems.push('MAIL_FROM must be set when SMTP_HOST is set (e.g. "Aduan <aduan@example.go.id>")');
  else if (!/^(?:[^<>]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/.test(from)) problems.push(`MAIL_FROM must be an address or "Name <address>" (got "${from}")`);
  // Port 465 speaks TLS from the first byte; the others upgrade with STARTTLS.
  return { host, port, secure: secureRaw === undefined ? port === 465 : secureRaw === 'true', user, password, from: from ?? '' };
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

/** For the entry points: the configuration, or the list of problems and exit status 78 (EX_CONFIG). */
export function parseConfigOrExit(env: Record<string, string | undefined>): Config {
  try {
    return parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78);
    }
    throw error;
  }
}
