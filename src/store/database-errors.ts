/** PostgreSQL's SQLSTATE for a unique violation: a code or email someone already took. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === '23505';
}
