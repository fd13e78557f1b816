import type { AppDeps } from '../app/deps.js';
import { escalateMissedDeadlines } from '../app/case-sweeps/escalate-missed-deadlines.js';
import { sendDeadlineReminders } from '../app/case-sweeps/send-deadline-reminders.js';
import type { SweepReport } from '../app/case-sweeps/sweep-report.js';
import type { ScheduledJob } from './scheduled-job.js';

export interface DeadlineSweepReport {
  reminded: SweepReport;
  escalated: SweepReport;
}

/**
 * Reminders before deadlines and escalation at breach, once a minute across all nodes (a
 * pg-boss schedule; the queue is a singleton, so one run at a time). Two runs meeting anyway
 * (a manual run, a slow one) are safe: each case is handled under its row lock, skipped by the
 * other, and each reminder and escalation is recorded once.
 */
export function deadlineSweepJob(deps: AppDeps): ScheduledJob<DeadlineSweepReport> {
  return {
    name: 'deadline-sweep',
    cron: '* * * * *',
    run: async () => ({ reminded: await sendDeadlineReminders(deps), escalated: await escalateMissedDeadlines(deps) }),
    isWorthLogging: (report) => report.reminded.done + report.reminded.busy + report.escalated.done + report.escalated.busy > 0,
  };
}
