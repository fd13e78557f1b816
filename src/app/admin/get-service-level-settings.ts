import { serviceLevelSettingsFrom, type ServiceLevelSettings } from '../../domain/service-level/service-level-settings.js';
import { readServiceLevelSettings } from '../../store/service-level-settings.js';
import type { AppDeps } from '../deps.js';

export async function getServiceLevelSettings(deps: AppDeps): Promise<ServiceLevelSettings> {
  return serviceLevelSettingsFrom(await readServiceLevelSettings(deps.db));
}
