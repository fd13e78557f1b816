import type { Priority } from './workflow-values.js';

/**
 * Priority from urgency (how soon harm happens) and impact (how many people, how badly), each
 * 1-3. The score is their product, 1-9, read as a risk matrix:
 *
 * | urgency \ impact | 1      | 2      | 3      |
 * | ---------------- | ------ | ------ | ------ |
 * | 1                | low    | low    | medium |
 * | 2                | low    | medium | high   |
 * | 3                | medium | high   | high   |
 *
 * score 1-2 low, 3-4 medium, 6-9 high. A product (not a sum) keeps a case that is very urgent
 * but touches one person (3x1) below one that is fairly urgent and wide (2x3).
 */
export function triagePriority(urgency: number, impact: number): Priority {
  const score = urgency * impact;
  if (score >= 6) return 'high';
  if (score >= 3) return 'medium';
  return 'low';
}
