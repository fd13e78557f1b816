import { createHash } from 'node:crypto';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';

export class DataDirLockedError extends Error {
  constructor(readonly dataDir: string, readonly holderPid: string | undefined) {
    super(
      `Another Aduan process${holderPid ? ` (pid ${holderPid})` : ''} is already using the data directory ${dataDir}. ` +
        'The embedded database must have exactly one process: stop the other one, or give this one another DATA_DIR.',
    );
    this.name = 'DataDirLockedError';
  }
}

export interface DataDirLock {
  release(): Promise<void>;
}

/**
 * Takes an exclusive lock on a data directory for the life of this process. PGlite has no
 * lock of its own, and two processes on one directory silently diverge.
 *
 * The lock is a listening Unix socket in Linux's abstract namespace, named after the
 * directory's path: the kernel allows one listener per name and drops it the moment the
 * process dies, so a crash (even kill -9) never leaves a stale lock behind and there is
 * no PID file to go stale or be reused. The PID is written beside it only to name the
 * holder in the error message. The name comes from the directory's device and inode, not
 * its path, so a symlink or bind mount to a directory in use is refused too.
 */
export async function lockDataDir(dataDir: string): Promise<DataDirLock> {
  const identity = await stat(dataDir);
  const name = `\0aduan-data-dir-${createHash('sha256').update(`${identity.dev}:${identity.ino}`).digest('hex').slice(0, 32)}`;
  const pidFile = join(dataDir, 'aduan.pid');
  const server: Server = createServer((socket) => socket.destroy());
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen({ path: name, exclusive: true }, () => resolve());
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      const holderPid = await readFile(pidFile, 'utf8').then((text) => text.trim(), () => undefined);
      throw new DataDirLockedError(dataDir, holderPid);
    }
    throw error;
  }
  server.unref();
  await writeFile(pidFile, `${process.pid}\n`);
  return {
    release: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
