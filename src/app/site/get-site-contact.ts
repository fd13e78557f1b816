import { readSiteContact } from '../../store/site-contact.js';
import type { AppDeps } from '../deps.js';
import { toSiteContact, type SiteContact } from './site-contact.js';

export async function getSiteContact(deps: AppDeps): Promise<SiteContact> {
  return toSiteContact(await readSiteContact(deps.db));
}
