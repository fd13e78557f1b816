import type { AppDeps } from '../app/deps.js';
import { followUpCases } from '../app/case-sweeps/follow-up-cases.js';
import type { SweepReport } from '../app/case-sweeps/sweep-report.js';
import type { ScheduledJob } from './scheduled-job.js';

/**
 * Reminds reporters who were asked for information and closes the cases nobody acted on
 * (unanswered requests, responses not appealed in time). Every five minutes is plenty for
 * steps counted in days.
 */
export function caseFollowUpJob(deps: AppDeps): ScheduledJob<SweepReport> {
  return {
    name: 'case-follow-up',
    cron: '*/5 * * * *',
    run: () => followUpCases(deps),
    isWorthLogging: (report) => report.done + report.busy > 0,
  };
}
