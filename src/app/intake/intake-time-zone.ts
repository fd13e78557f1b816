import { findRootUnit } from '../../store/units.js';
import type { AppDeps } from '../deps.js';

/** The zone a web complaint's times are shown in: the unit it lands in unless triage moves it. */
export async function intakeTimeZone(deps: AppDeps): Promise<string> {
  return (await findRootUnit(deps.db)).timeZone;
}
