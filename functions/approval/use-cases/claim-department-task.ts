import type { RequestContext } from '../../shared/request-context';
import { claimTask } from '../domain/department-task';
import type { ApprovalDependencies } from './dependencies';
import { event, loadForStaff } from './support';

/** 首问负责: a named handler of the department takes the task. */
export async function claimDepartmentTask(deps: ApprovalDependencies, ctx: RequestContext, taskId: string) {
  const { staff, ...stored } = await loadForStaff(deps, ctx, taskId, 'task.claim');
  const now = deps.clock.now().toISOString();
  const claimed = claimTask(stored.task, staff.staffId, now);
  if (claimed.claimedBy === stored.task.claimedBy) return { taskId, claimedBy: claimed.claimedBy, claimedAt: claimed.claimedAt };
  await deps.tasks.save(
    claimed,
    stored.task.status,
    event(deps, claimed, 'DepartmentTaskClaimed', now, staff.staffId, { staffId: staff.staffId, role: staff.role }),
  );
  return { taskId, claimedBy: claimed.claimedBy, claimedAt: claimed.claimedAt };
}
