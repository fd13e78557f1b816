import type { Migration } from 'kysely';
import * as createCoreTables from './0001-create-core-tables.js';
import * as seedRootUnitAndCategories from './0002-seed-root-unit-and-categories.js';
import * as freezeSubmittedContent from './0003-freeze-submitted-content.js';
import * as caseHandling from './0005-case-handling.js';
import * as staffAccountsAndTeams from './0004-staff-accounts-and-teams.js';
import * as notificationsAndJobs from './0006-notifications-and-jobs.js';
import * as publication from './0007-publication.js';
import * as serviceLevels from './0008-service-levels.js';
import * as adminAuditAndTotpReplay from './0009-admin-audit-and-totp-replay.js';
import * as publicRegister from './0010-public-register.js';
import * as organisationVersion from './0011-organisation-version.js';
import * as deferredDeadlineReference from './0012-deferred-deadline-reference.js';
import * as signInThrottlesAndReporterSignOut from './0013-sign-in-throttles-and-reporter-sign-out.js';
import * as complaintConcerns from './0014-complaint-concerns.js';
import * as signedLetters from './0015-signed-letters.js';
import * as publicAnswer from './0016-public-answer.js';
import * as deskReceipts from './0017-desk-receipts.js';
import * as serviceLevelVersionTrigger from './0018-service-level-version-trigger.js';

/** Every migration in the order it runs. Forward-only: a merged migration is never edited. */
export const migrations: Record<string, Migration> = {
  '0001-create-core-tables': createCoreTables,
  '0002-seed-root-unit-and-categories': seedRootUnitAndCategories,
  '0003-freeze-submitted-content': freezeSubmittedContent,
  '0004-staff-accounts-and-teams': staffAccountsAndTeams,
  '0005-case-handling': caseHandling,
  '0006-notifications-and-jobs': notificationsAndJobs,
  '0007-publication': publication,
  '0008-service-levels': serviceLevels,
  '0009-admin-audit-and-totp-replay': adminAuditAndTotpReplay,
  '0010-public-register': publicRegister,
  '0011-organisation-version': organisationVersion,
  '0012-deferred-deadline-reference': deferredDeadlineReference,
  '0013-sign-in-throttles-and-reporter-sign-out': signInThrottlesAndReporterSignOut,
  '0014-complaint-concerns': complaintConcerns,
  '0015-signed-letters': signedLetters,
  '0016-public-answer': publicAnswer,
  '0017-desk-receipts': deskReceipts,
  '0018-service-level-version-trigger': serviceLevelVersionTrigger,
};
