import { Type } from 'typebox';
import { deadlineKinds } from '../../../domain/service-level/deadline-kind.js';
import { deadlineStates, type DeadlineStatus } from '../../../domain/service-level/deadline-status.js';

export const DeadlineSchema = Type.Object({
  kind: Type.Enum([...deadlineKinds]),
  dueAt: Type.String({ format: 'date-time', description: 'While paused: the due time when the clock stopped; it moves later by the paused (working) time once the reporter answers' }),
  metAt: Type.Optional(Type.String({ format: 'date-time' })),
  state: Type.Enum([...deadlineStates], { description: 'due_soon: past 80% of the time; overdue: past due and not met; missed: met late, or the case ended after it fell due' }),
}, { description: 'acknowledgement: the first staff action (or the intake officer recording it); verification: verified or rejected; response: the response sent (or answered at the desk)' });

export function presentDeadline(deadline: DeadlineStatus) {
  return {
    kind: deadline.kind, dueAt: deadline.dueAt.toISOString(), state: deadline.state,
    ...(deadline.metAt === null ? {} : { metAt: deadline.metAt.toISOString() }),
  };
}
