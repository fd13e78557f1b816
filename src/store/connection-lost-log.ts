import { databaseErrorSummary } from './database-errors.js';

interface WarnLog {
  warn(data: object, message: string): void;
}

/** Reports a lost pooled connection in one line: what happened, not the client it happened to. */
export function connectionLost(log: WarnLog): (error: Error) => void {
  return (error) => log.warn({ error: databaseErrorSummary(error) }, 'lost a database connection; the next query opens a new one');
}
