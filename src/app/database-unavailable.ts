// The HTTP layer asks here, not the store, whether a failure was an outage: a request that
// met one is answered "try again shortly" (503), not "something broke" (500).
export { isDatabaseUnavailable, databaseErrorSummary } from '../store/database-errors.js';
