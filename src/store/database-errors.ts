/** PostgreSQL's SQLSTATE for a unique violation: a code or email someone already took. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === '23505';
}

/**
 * SQLSTATEs that mean "the server cannot serve this connection now", not "this statement is
 * wrong": class 08 (connection exception), 53300 too_many_connections, 57P01 admin_shutdown
 * (a restart, or pg_terminate_backend), 57P02 crash_shutdown, 57P03 cannot_connect_now
 * (starting up or shutting down).
 */
const unavailableStates = new Set(['53300', '57P01', '57P02', '57P03']);

/** What the operating system says when the server's address cannot be reached. */
const unreachableSocketCodes = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'EHOSTDOWN', 'ENETUNREACH', 'ENETDOWN', 'ENOTFOUND', 'EAI_AGAIN',
]);

/**
 * What pg says, without a code, when a connection is lost or never comes: a socket closed
 * under a client, the pool's wait for a connection timing out, a dead client used again.
 * pg-boss appends "(Queue: …)" to a message, so these are matched at the start.
 */
const unavailableMessages = [
  /^Connection terminated/,
  /^timeout exceeded when trying to connect/,
  /^timeout expired$/,
  /^Client has encountered a connection error and is not queryable/,
  /^Client was closed and is not queryable/,
  /^Cannot use a pool after calling end on the pool/,
];

/**
 * True when an error means the database cannot be reached at the moment (stopped,
 * restarting, a connection cut, the network down), as opposed to a bug or a refused
 * statement. Such a request deserves "try again shortly", and the process must live on.
 * Looks through `cause` and an AggregateError's `errors` (a connect to several addresses).
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 4) return false;
  const { code, message, cause, errors } = error as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  if (typeof code === 'string' && (code.startsWith('08') || unavailableStates.has(code) || unreachableSocketCodes.has(code))) return true;
  if (typeof message === 'string' && unavailableMessages.some((pattern) => pattern.test(message))) return true;
  if (Array.isArray(errors) && errors.length > 0 && errors.every((inner) => isDatabaseUnavailable(inner, depth + 1))) return true;
  return cause !== undefined && isDatabaseUnavailable(cause, depth + 1);
}

/**
 * A database error as a log line wants it: pg hangs the whole client (connection settings
 * included) on the errors of an idle connection, which must not reach the log.
 */
export function databaseErrorSummary(error: unknown): { message: string; code?: string } {
  if (typeof error !== 'object' || error === null) return { message: String(error) };
  const { code, message } = error as { code?: unknown; message?: unknown };
  return { message: typeof message === 'string' ? message : String(error), ...(typeof code === 'string' ? { code } : {}) };
}
