import type { AppDeps } from '../app/deps.js';
import type { OutboxSenders } from '../app/notifications/outbox-sender.js';
import { relayOutbox, type RelayReport, type RelaySettings } from '../app/notifications/relay-outbox.js';
import type { ScheduledJob } from './scheduled-job.js';

export function hasDoneAnything(report: RelayReport): boolean {
  return report.delivered.sent + report.delivered.mail_off + report.delivered.no_address + report.retrying + report.failed > 0;
}

/**
 * Delivers the outbox. Runs on the worker's short local interval (prompt delivery) and once
 * a minute as a pg-boss schedule (one run per minute across all nodes, whatever restarts).
 * Runs may overlap between processes: claims skip locked rows, so each message is sent once.
 */
export function outboxRelayJob(deps: AppDeps, settings: RelaySettings, senders?: OutboxSenders): ScheduledJob<RelayReport> {
  return {
    name: 'outbox-relay',
    cron: '* * * * *',
    run: () => relayOutbox(deps, settings, senders),
    isWorthLogging: hasDoneAnything,
  };
}
