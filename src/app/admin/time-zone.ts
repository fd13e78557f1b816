import { DomainError } from '../../domain/domain-error.js';

/** Intl knows the IANA names (Asia/Jakarta, Asia/Makassar, Asia/Jayapura …) and refuses the rest. */
export function checkTimeZone(timeZone: string): void {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    throw new DomainError('request.invalid', {}, [{ pointer: '/timeZone', code: 'time_zone' }]);
  }
}
