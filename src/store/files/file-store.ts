/**
 * Where attachment content lives. Disk by default; the interface is small so an
 * S3-compatible store can be added without touching the use cases.
 */
export interface FileStore {
  /**
   * Moves a finished upload (a local temporary file) under `key`. Called inside the
   * database transaction; if that transaction fails the caller calls `remove(key)`.
   */
  putFromTempFile(key: string, tempPath: string): Promise<void>;
  putBuffer(key: string, content: Buffer): Promise<void>;
  read(key: string): Promise<Buffer>;
  remove(key: string): Promise<void>;
}
