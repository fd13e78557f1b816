import type { StaffView } from '../../domain/views/staff-view.js';

export type DossierFormat = 'pdf' | 'json';

/** The case as the exporting staff member may see it, at the moment of export. */
export interface CaseDossier {
  exportedAt: Date;
  exportedBy: { userId: number; name: string | null };
  /** The `case.exported` event that records this copy: the dossier covers the events up to it. */
  exportEventSequence: number;
  format: DossierFormat;
  includesIdentity: boolean;
  unit: { id: number; code: string; name: string; timeZone: string } | null;
  handlerName: string | null;
  /** Names for the ids in the timeline, so the PDF prints people, units and categories, not numbers and codes. */
  names: { units: Record<number, string>; staff: Record<number, string>; categories: Record<string, string> };
  case: Omit<StaffView, 'allowedActions'>;
  attachments: { id: string; fileName: string; mediaType: string; sizeBytes: number; sha256: string; addedBy: string; addedAt: Date }[];
}
