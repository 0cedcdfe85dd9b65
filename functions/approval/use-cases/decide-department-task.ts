import type { z } from 'zod';
import { RECONSIDERATION_RIGHTS } from '../../kernel/case-vocabulary';
import type { RequestContext } from '../../shared/request-context';
import { applyDecision, requireTenantDepartment, workflowAnswerOf } from '../domain/task-decision';
import type { ApprovalDependencies } from './dependencies';
import type { taskDecisionBody } from './requests';
import { event, loadForStaff, supervisionOf } from './support';

type DecisionBody = z.infer<typeof taskDecisionBody>;

/**
 * Primary course: the department decides; the change is stored with its timeline event, then the
 * waiting workflow is told with the token current at that moment: the decision itself, or that its
 * wait must be recomputed (resumed clock, task moved). If that token has just expired (an escalation
 * re-sent the task), the re-sent message finds the stored decision and answers the workflow itself,
 * so nothing is lost.
 */
export async function decideDepartmentTask(deps: ApprovalDependencies, ctx: RequestContext, taskId: string, body: DecisionBody) {
  const { staff, ...stored } = await loadForStaff(deps, ctx, taskId, 'task.decide');
  if (body.decision === 'reassign') {
    const { departments } = await supervisionOf(deps, ctx.tenantId);
    requireTenantDepartment(departments, body.toDeptId);
  }
  const now = deps.clock.now().toISOString();
  const applied = applyDecision(stored.task, body, now, staff.staffId);
  const { next, type, detail } = applied;
  await deps.tasks.save(next, stored.task.status, event(deps, next, type, now, staff.staffId, { ...detail, staffId: staff.staffId }));
  const current = await deps.tasks.find(ctx.tenantId, taskId);
  const answer = workflowAnswerOf(applied, taskId);
  const delivery = answer ? (current?.callbackToken ? await deps.callback.succeed(current.callbackToken, answer) : 'token-expired') : 'not-needed';
  return {
    taskId,
    caseId: next.caseId,
    deptId: next.deptId,
    status: next.status,
    decision: body.decision,
    decidedAt: now,
    delivery,
    ...(next.status === 'denied' ? { rightsNotice: RECONSIDERATION_RIGHTS } : {}),
  };
}
