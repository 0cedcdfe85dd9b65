import type { z } from 'zod';
import { notFound } from '../../shared/errors';
import { escalate, isDecided } from '../domain/department-task';
import { nextEscalation, taskWaitSeconds } from '../domain/task-clock';
import type { ApprovalDependencies } from './dependencies';
import type { escalationInput } from './requests';
import { event, supervisionOf } from './support';

/**
 * Primary course: a department's wait ended, because its light or 督办 deadline is due to change
 * (timed out) or because the task asked for a fresh wait (resumed, moved). Record any step up the
 * ladder with whom to tell, and tell the workflow how long the next wait lasts and for which
 * department. A task already closed ends its branch.
 */
export async function escalateOverdueTask(deps: ApprovalDependencies, input: z.infer<typeof escalationInput>) {
  const stored = await deps.tasks.find(input.tenantId, input.taskId);
  if (!stored) throw notFound.task(input.taskId);
  const now = deps.clock.now();
  const { calendar, policy } = await supervisionOf(deps, input.tenantId);
  let task = stored.task;
  if (task.status === 'cancelled') return { ...input, timeoutSeconds: 1, closed: true };
  if (!isDecided(task)) {
    const step = nextEscalation(task, now, calendar, policy);
    if (step) {
      task = escalate(task, step.light, step.escalation);
      await deps.tasks.save(
        task,
        stored.task.status,
        event(deps, task, 'DepartmentTaskEscalated', now.toISOString(), 'system', {
          light: step.light,
          level: step.escalation.level,
          ...(step.escalation.supervisionDeadline ? { supervisionDeadline: step.escalation.supervisionDeadline } : {}),
          notify: step.notify,
        }),
      );
    }
  }
  // a decided task waits one second: the re-sent message then answers from the stored decision
  return { ...input, deptId: task.deptId, timeoutSeconds: isDecided(task) ? 1 : taskWaitSeconds(task, now, calendar, policy), closed: false };
}
