import type { z } from 'zod';
import { authorize } from '../../kernel/permissions';
import type { RequestContext } from '../../shared/request-context';
import { currentStageDeadline, stageDeadlineProvisional, stageLight } from '../domain/task-clock';
import type { ApprovalDependencies } from './dependencies';
import type { taskListQuery } from './requests';
import { supervisionOf } from './support';

/**
 * A department's work list, a page at a time, ordered by stage deadline, with each task's light as of now. The light
 * filter applies to the page read (the light is computed, not stored), so a filtered page may be short: `nextCursor`
 * says whether there is more.
 */
export async function listDepartmentTasks(
  deps: Pick<ApprovalDependencies, 'tasks' | 'tenants' | 'clock' | 'calendar'>,
  ctx: RequestContext,
  deptId: string,
  query: z.infer<typeof taskListQuery>,
) {
  authorize(ctx.principal, 'task.list', { deptIds: [deptId] });
  const [page, { calendar, policy }] = await Promise.all([
    deps.tasks.pageForDepartment(ctx.tenantId, deptId, query.status, { limit: query.limit, ...(query.cursor ? { cursor: query.cursor } : {}) }),
    supervisionOf(deps, ctx.tenantId),
  ]);
  const now = deps.clock.now();
  const listed = page.items.map((task) => ({
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
    ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
  };
}
