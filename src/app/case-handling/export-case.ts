import type { CaseDossier, DossierFormat } from '../../documents/dossier/case-dossier.js';
import { requireCapability } from '../../domain/access/capabilities.js';
import type { StaffActor } from '../../domain/access/policy.js';
import type { Actor, CaseEvent, RecordedCaseEvent } from '../../domain/case-event.js';
import { isIdentityShown } from '../../domain/complaint/identity.js';
import { caseFactsOf } from '../../domain/workflow/allowed-actions.js';
import { decide } from '../../domain/workflow/decide.js';
import { listAttachments } from '../../store/attachments.js';
import { listAllCategories } from '../../store/category-records.js';
import { appendCaseEvents } from '../../store/case-events.js';
import { findStaffNames } from '../../store/staff-directory.js';
import { findUnitById } from '../../store/units.js';
import type { AppDeps } from '../deps.js';
import { presentStaffView } from './get-staff-view.js';
import { loadCase } from '../cases/load-case.js';

export type { CaseDossier, DossierFormat };

export interface ExportCaseOptions {
  format: DossierFormat;
  /**
   * A confidential reporter's identity goes into the dossier only when the export unseals it,
   * with a reason: the same permission as the `unseal_identity` action, recorded the same way.
   */
  unsealReason?: string | undefined;
}

/**
 * Exports a case dossier, in one transaction with the `case.exported` event (and the
 * `identity.unsealed` event when it unseals): every copy that leaves the system is on the
 * case's record. Who may not see the case gets `complaint.not_found`, as when reading it; an
 * administrator, as such, reads no case. The PDF is drawn after the commit, from this dossier.
 */
export async function exportCase(deps: AppDeps, actor: StaffActor, complaintId: string, options: ExportCaseOptions): Promise<CaseDossier> {
  const now = deps.clock.now();
  const { loaded, exportEventSequence, isUnsealed, includesIdentity, attachments } = await deps.db.transaction().execute(async (trx) => {
    const current = await loadCase(trx, complaintId, { now, forUpdate: true });
    requireCapability(actor, 'export_case', caseFactsOf(current.state, current.context));
    const isUnsealed = options.unsealReason !== undefined;
    // Unsealing is the `unseal_identity` case action: `decide` runs the workflow guard that `can` delegates to.
    const unsealing = isUnsealed ? decide(current.state, { action: 'unseal_identity', reason: options.unsealReason ?? '' }, actor, current.context) : [];
    const identityMode = current.row.identityMode;
    const includesIdentity = current.row.identitySealed !== null && isIdentityShown(identityMode, isUnsealed);
    const events: CaseEvent[] = [...unsealing, { type: 'case.exported', data: { format: options.format, includesIdentity } }];
    const eventActor: Actor = { kind: 'staff', userId: actor.userId };
    const appended = await appendCaseEvents(trx, complaintId, eventActor, now, events);
    const recorded = events.map((event, index): RecordedCaseEvent => ({ ...event, sequence: appended[index]?.sequence ?? 0, occurredAt: now, actor: eventActor }));
    return {
      loaded: { ...current, events: [...current.events, ...recorded] },
      exportEventSequence: recorded.at(-1)?.sequence ?? 0,
      isUnsealed, includesIdentity,
      attachments: await listAttachments(trx, complaintId),
    };
  });
  const view = await presentStaffView(deps, actor, loaded, isUnsealed);
  const { allowedActions: _allowedActions, ...visible } = view;
  const referenced = referencedIds(loaded.events);
  const [unit, names, units, categories] = await Promise.all([
    findUnitById(deps.db, view.unitId),
    findStaffNames(deps.db, [actor.userId, ...(view.handlerId === null ? [] : [view.handlerId]), ...referenced.staff]),
    Promise.all([...referenced.units].map((id) => findUnitById(deps.db, id))),
    listAllCategories(deps.db),
  ]);
  return {
    exportedAt: now,
    exportedBy: { userId: actor.userId, name: names.get(actor.userId) ?? null },
    exportEventSequence,
    format: options.format,
    includesIdentity: includesIdentity && view.reporter.identity !== null,
    unit: unit ? { id: unit.id, code: unit.code, name: unit.name, timeZone: unit.timeZone } : null,
    handlerName: view.handlerId === null ? null : names.get(view.handlerId) ?? null,
    names: {
      units: Object.fromEntries(units.flatMap((row) => (row ? [[row.id, row.name]] : []))),
      staff: Object.fromEntries(names),
      categories: Object.fromEntries(categories.map((row) => [row.code, row.nameId])),
    },
    case: visible,
    attachments: attachments.map((row) => ({
      id: row.id, fileName: row.fileName, mediaType: row.mediaType, sizeBytes: Number(row.sizeBytes), sha256: row.sha256, addedBy: row.addedBy, addedAt: row.createdAt,
    })),
  };
}

/** The staff and units a case's events name by id. */
function referencedIds(events: readonly RecordedCaseEvent[]): { staff: Set<number>; units: Set<number> } {
  const staff = new Set<number>();
  const units = new Set<number>();
  for (const event of events) {
    if (event.actor.kind === 'staff') staff.add(event.actor.userId);
    switch (event.type) {
      case 'case.assigned': units.add(event.data.unitId); if (event.data.handlerId !== null) staff.add(event.data.handlerId); break;
      case 'case.started': staff.add(event.data.handlerId); break;
      case 'case.concerned_staff_named': event.data.staffIds.forEach((id) => staff.add(id)); break;
      case 'response.drafted': staff.add(event.data.drafterId); break;
      case 'response.approved': staff.add(event.data.approverId); break;
      case 'corrective_action.added': staff.add(event.data.ownerId); break;
      case 'case.appealed': units.add(event.data.fromUnitId); units.add(event.data.toUnitId); break;
      case 'case.referred': if (event.data.to.kind === 'unit') units.add(event.data.to.unitId); break;
      default: break;
    }
  }
  return { staff, units };
}
