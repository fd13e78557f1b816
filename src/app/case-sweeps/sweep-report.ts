/** What one run of a service-level job did, for the worker's log. */
export interface SweepReport {
  /** Cases changed (reminded, escalated, closed …). */
  done: number;
  /** Cases left for the next run because a staff action or another worker held them. */
  busy: number;
}

export const emptySweepReport = (): SweepReport => ({ done: 0, busy: 0 });

export type CaseOutcome = 'done' | 'busy' | 'nothing';

/**
 * Works through what a scan finds, case by case, each in its own transaction. Each case is
 * tried once per run, so a case another transaction holds (skipped) or one whose work finds
 * nothing to do cannot keep the run going; it stops when a scan brings nothing new.
 */
export async function sweepCases(
  scan: () => Promise<string[]>, handle: (complaintId: string) => Promise<CaseOutcome>, maxCases = 10_000,
): Promise<SweepReport> {
  const report = emptySweepReport();
  const tried = new Set<string>();
  while (tried.size < maxCases) {
    const fresh = [...new Set(await scan())].filter((id) => !tried.has(id));
    if (fresh.length === 0) break;
    for (const complaintId of fresh) {
      tried.add(complaintId);
      const outcome = await handle(complaintId);
      if (outcome === 'done') report.done += 1;
      else if (outcome === 'busy') report.busy += 1;
    }
  }
  return report;
}
