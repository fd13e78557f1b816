import type { Kysely } from 'kysely';
import type { ApprovalLevel } from '../../domain/workflow/workflow-values.js';
import type { CaseState } from '../../domain/workflow/case-state.js';
import type { WorkflowContext } from '../../domain/workflow/workflow-context.js';
import type { Database } from '../../store/schema.js';
import { findRoleHolders, listIntegrityReaderIds, listIntegrityTeamIds, listWhistleblowingCategoryCodes } from '../../store/staff-directory.js';
import { findUnitById } from '../../store/units.js';
import { findUnitPath } from '../../store/unit-tree.js';

/**
 * Looks up what a decision needs and the domain cannot know: where the case sits in the unit
 * tree, who the integrity teams are, and the handling unit's approval chain turned into the
 * units and people who approve each level.
 */
export async function workflowContextFor(db: Kysely<Database>, state: CaseState, now: Date): Promise<WorkflowContext> {
  const [unitPath, integrityTeamIds, integrityReaderIds, whistleblowingCategoryCodes, unit] = await Promise.all([
    findUnitPath(db, state.unitId), listIntegrityTeamIds(db), listIntegrityReaderIds(db), listWhistleblowingCategoryCodes(db), findUnitById(db, state.unitId),
  ]);
  const configured = (Array.isArray(unit?.approvalChain) ? unit.approvalChain : []) as { role: string; unitsUp: number }[];
  const approvalChain: ApprovalLevel[] = [];
  for (const level of configured) {
    // A chain reaching above the root stops at the root: its head approves.
    const unitId = unitPath[Math.min(level.unitsUp, unitPath.length - 1)];
    if (unitId === undefined) continue;
    approvalChain.push({ role: level.role, unitId, holderIds: await findRoleHolders(db, level.role, unitId) });
  }
  return { now, unitPath, integrityTeamIds, integrityReaderIds, approvalChain, whistleblowingCategoryCodes };
}
