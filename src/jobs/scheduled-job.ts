/** A job the worker runs on a pg-boss schedule (and may run on demand); its `name` is its pg-boss queue. */
export interface ScheduledJob<Result = unknown> {
  name: string;
  /** Cron in the schedule's time zone (Asia/Jakarta). */
  cron: string;
  run(): Promise<Result>;
  /** Whether a run's result is worth a log line (a quiet minute is not). */
  isWorthLogging?(result: Result): boolean;
}
