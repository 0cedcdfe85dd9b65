import type { z } from 'zod';
import { notFound } from '../../shared/errors';
import { assignTask, isClosed, isDecided } from '../domain/department-task';
import { currentStageDeadline } from '../domain/task-clock';
import { decidedAnswer } from '../domain/task-decision';
import type { ApprovalDependencies } from './dependencies';
import type { taskMessageSchema } from './requests';
import { event, supervisionOf } from './support';

/**
 * Primary course: the workflow handed a task to its department; store it as pending with the fresh
 * callback token (a serial stage's clock starts here). If the department already decided (its
 * callback met an expired token), answer the workflow at once with the stored decision: DynamoDB is
 * the truth, the workflow follows it. A task closed with its case needs no answer.
 */
export async function storeDepartmentTask(
  deps: Pick<ApprovalDependencies, 'tasks' | 'tenants' | 'callback' | 'clock' | 'ids' | 'calendar'>,
  message: z.infer<typeof taskMessageSchema>,
): Promise<'stored' | 'answered-from-record' | 'stale-message-ignored'> {
  const stored = await deps.tasks.find(message.tenantId, message.taskId);
  if (!stored) throw notFound.task(message.taskId);
  if (isDecided(stored.task)) {
    await deps.callback.succeed(message.taskToken, decidedAnswer(stored.task));
    return 'answered-from-record';
  }
  if (isClosed(stored.task)) return 'stale-message-ignored';
  const isStale = (dispatchedAt?: string) => dispatchedAt !== undefined && Date.parse(dispatchedAt) > Date.parse(message.dispatchedAt);
  if (isStale(stored.tokenDispatchedAt)) return 'stale-message-ignored';
  const now = deps.clock.now();
  let assigned = assignTask(stored.task, now.toISOString(), stored.task.serial === true);
  if (assigned.stageStartedAt !== stored.task.stageStartedAt) {
    const { calendar } = await supervisionOf(deps, message.tenantId);
    const stageDeadline = currentStageDeadline(assigned, now, calendar);
    assigned = { ...assigned, ...(stageDeadline ? { stageDeadline } : {}) };
  }
  const expiresAt = new Date(Date.parse(message.dispatchedAt) + message.timeoutSeconds * 1000).toISOString();
  const type = stored.task.assignedAt === undefined || stored.task.status === 'waiting' ? 'DepartmentTaskAssigned' : 'DepartmentTaskReissued';
  try {
    await deps.tasks.saveAssignment(
      assigned,
      { callbackToken: message.taskToken, dispatchedAt: message.dispatchedAt, expiresAt },
      event(deps, assigned, type, now.toISOString(), 'system', { stageDeadline: assigned.stageDeadline }),
      stored.task.status,
    );
  } catch (error) {
    // lost a race: a newer dispatch makes this message moot; a decision, suspension or 转办 in between is read again and kept
    const current = await deps.tasks.find(message.tenantId, message.taskId);
    if (current && isStale(current.tokenDispatchedAt)) return 'stale-message-ignored';
    if (current && current.task.status !== stored.task.status) return storeDepartmentTask(deps, message);
    throw error;
  }
  return 'stored';
}
