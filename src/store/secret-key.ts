import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface LoadedSecretKey {
  secret: Buffer;
  /** Where the key came from, for the start-up log (never the key itself). */
  source: 'environment' | 'generated' | 'data-dir';
  path?: string;
}

/**
 * The server secret from ADUAN_SECRET_KEY, or else from `DATA_DIR/secret.key`, generating
 * it there (mode 0600) on first start. A key beside the data protects only against someone
 * who gets the database without the directory; the README says how to keep it elsewhere.
 */
export async function loadSecretKey(fromEnvironment: string | undefined, dataDir: string): Promise<LoadedSecretKey> {
  if (fromEnvironment !== undefined) return { secret: Buffer.from(fromEnvironment, 'utf8'), source: 'environment' };
  const path = join(dataDir, 'secret.key');
  try {
    const text = (await readFile(path, 'utf8')).trim();
    return { secret: Buffer.from(text, 'utf8'), source: 'data-dir', path };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const text = randomBytes(32).toString('base64url');
  // 'wx' fails if another process wrote the file in the meantime, rather than overwrite it.
  await writeFile(path, `${text}\n`, { mode: 0o600, flag: 'wx' });
  return { secret: Buffer.from(text, 'utf8'), source: 'generated', path };
}
