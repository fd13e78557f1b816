import { listStaffAccounts } from '../../store/staff-accounts.js';
import type { AppDeps } from '../deps.js';
import { toStaffUserRecord, type StaffUserRecord } from './staff-user-record.js';

export async function listStaffUsers(deps: AppDeps): Promise<StaffUserRecord[]> {
  return (await listStaffAccounts(deps.db)).map(toStaffUserRecord);
}
