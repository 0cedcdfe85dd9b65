import type { z } from 'zod';
import { authorize } from '../../kernel/permissions';
import type { RequestContext } from '../../shared/request-context';
import { currentStageDeadline, stageDeadlineProvisional, stageLight } from '../domain/task-clock';
import type { ApprovalDependencies } from './dependencies';
import type { taskListQuery } from './requests';
import { supervisionOf } from './support';

/** A department's work list, ordered by stage deadline, with each task's light as of now (optionally only one light). */
export async function listDepartmentTasks(
  deps: Pick<ApprovalDependencies, 'tasks' | 'tenants' | 'clock' | 'calendar'>,
  ctx: RequestContext,
  deptId: string,
  query: z.infer<typeof taskListQuery>,
) {
  authorize(ctx.principal, 'task.list', { deptIds: [deptId] });
  const [tasks, { calendar, policy }] = await Promise.all([
    deps.tasks.listForDepartment(ctx.tenantId, deptId, query.status, query.limit),
    supervisionOf(deps, ctx.tenantId),
  ]);
  const now = deps.clock.now();
  const listed = tasks.map((task) => ({
    taskId: task.taskId,
    caseId: task.caseId,
    itemCode: task.itemCode,
    itemName: task.itemName,
    lead: task.lead,
    status: task.status,
    assignedAt: task.assignedAt,
    stageDeadline: currentStageDeadline(task, now, calendar) ?? task.stageDeadline,
    light: stageLight(task, now, calendar, policy.yellowThresholdDays),
    provisional: stageDeadlineProvisional(task, now, calendar),
    ...(task.claimedBy ? { claimedBy: task.claimedBy } : {}),
    ...(task.escalation ? { escalation: task.escalation } : {}),
  }));
  return {
    deptId,
    status: query.status,
    ...(query.light ? { light: query.light } : {}),
    tasks: query.light ? listed.filter((task) => task.light === query.light) : listed,
  };
}
