import { mkdir, readFile, rename, rm, writeFile, copyFile } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import type { FileStore } from './file-store.js';

/** Files under one root directory, keyed by relative paths such as `2026/11/<uuid>`. */
export async function createDiskFileStore(root: string): Promise<FileStore> {
  const base = resolve(root);

  const pathOf = (key: string): string => {
    const path = resolve(base, key);
    // Keys are made by the app, but a path outside the root must never be reachable.
    if (!path.startsWith(base + sep)) throw new Error(`file key escapes the store: ${key}`);
    return path;
  };

  return {
    async putFromTempFile(key, tempPath) {
      const path = pathOf(key);
      await mkdir(dirname(path), { recursive: true, mode: 0o700 });
      try {
        await rename(tempPath, path);
      } catch (error) {
        // FILES_DIR on another file system than the temp file: copy instead of rename.
        if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
        await copyFile(tempPath, path);
        await rm(tempPath, { force: true });
      }
    },
    async putBuffer(key, content) {
      const path = pathOf(key);
      await mkdir(dirname(path), { recursive: true, mode: 0o700 });
      await writeFile(path, content, { mode: 0o600 });
    },
    read: (key) => readFile(pathOf(key)),
    remove: (key) => rm(pathOf(key), { force: true }),
  };
}
