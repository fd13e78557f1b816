import type { CaseProjection } from './case-projection.js';
import { projectCaseRow } from './project-case-row.js';
import { projectDeadlines } from './project-deadlines.js';
import { projectOutbox } from './project-outbox.js';
import { projectResponseLetter } from './project-response-letter.js';

/**
 * Everything kept in step with a case's events, in the order it runs. New behaviour on a
 * change is a projection added here (or a pure rule in domain/ one of them applies), not a
 * branch in a use case.
 */
export const caseProjections: readonly CaseProjection[] = [projectCaseRow, projectDeadlines, projectResponseLetter, projectOutbox];
