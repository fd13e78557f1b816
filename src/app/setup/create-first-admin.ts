import { recordAdminAction } from '../../store/admin-audit.js';
import { countUsers, insertUser } from '../../store/users.js';
import { findRootUnit } from '../../store/units.js';
import { hashPassword } from '../auth/password-hash.js';
import type { AppDeps } from '../deps.js';

/**
 * Creates the first administrator from ADUAN_ADMIN_EMAIL / ADUAN_ADMIN_PASSWORD when the
 * database has no staff yet. Later starts leave the accounts alone, so changing the
 * variables never resets a password someone has since changed.
 */
export async function createFirstAdmin(deps: Pick<AppDeps, 'db' | 'clock'>, admin: { email: string; password: string }): Promise<boolean> {
  return deps.db.transaction().execute(async (trx) => {
    if ((await countUsers(trx)) > 0) return false;
    const root = await findRootUnit(trx);
    const passwordHash = await hashPassword(admin.password);
    const id = await insertUser(trx, { email: admin.email, name: 'Administrator', unitId: root.id, roles: ['admin'], passwordHash });
    await recordAdminAction(trx, {
      actorId: null, action: 'staff_user.created', target: { type: 'staff_user', id }, occurredAt: deps.clock.now(),
      summary: { record: { email: admin.email, name: 'Administrator', unitId: root.id, roles: ['admin'] }, source: 'ADUAN_ADMIN_EMAIL' },
    });
    return true;
  }).catch((error: unknown) => {
    // Another node starting at the same moment created the account first.
    if ((error as { code?: string }).code === '23505') return false;
    throw error;
  });
}
