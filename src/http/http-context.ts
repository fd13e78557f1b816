import type { AppDeps } from '../app/deps.js';

/** What route groups need besides the use cases' dependencies. */
export interface HttpContext {
  deps: AppDeps;
  /** Where uploads stream to while a request is read (`createUploadDir`). */
  uploadDir: string;
  limits: {
    submissionsPerHour: number;
    trackingFailuresPer15Min: number;
    /** Sign-in attempts per client address per minute; the throttling of failures is separate. Default 20. */
    signInsPerMinute?: number;
  };
}
