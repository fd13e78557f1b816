import { initSetting } from '../../store/settings.js';
import type { AppDeps } from '../deps.js';

export class SecretKeyMismatchError extends Error {
  constructor() {
    super(
      'ADUAN_SECRET_KEY does not match the key this database was created with. With another key no tracking code ' +
        'would match and no sealed identity could be read, so Aduan refuses to start. Restore the original key.',
    );
    this.name = 'SecretKeyMismatchError';
  }
}

/** Records the key's fingerprint on first start, and refuses a different key afterwards. */
export async function checkSecretKey(deps: Pick<AppDeps, 'db' | 'keys'>): Promise<void> {
  const stored = await initSetting(deps.db, 'secret_key_fingerprint', deps.keys.fingerprint);
  if (stored !== deps.keys.fingerprint) throw new SecretKeyMismatchError();
}
