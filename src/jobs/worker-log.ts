/** Where the worker and its jobs write: pino's logger fits, and tests pass a recorder. */
export interface WorkerLog {
  info(data: object, message: string): void;
  warn(data: object, message: string): void;
  error(data: object, message: string): void;
}
