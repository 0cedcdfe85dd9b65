import type { z } from 'zod';
import { RECONSIDERATION_RIGHTS } from '../../kernel/case-vocabulary';
import type { RequestContext } from '../../shared/request-context';
import { type DepartmentTask, isDecided } from '../domain/department-task';
import type { CallbackOutcome } from '../domain/ports';
import { applyDecision, decidedAnswer, requireTenantDepartment, workflowAnswerOf } from '../domain/task-decision';
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
  return decisionReply(next, body.decision, now, delivery);
}

const decisionReply = (next: DepartmentTask, decision: DecisionBody['decision'], decidedAt: string, delivery: CallbackOutcome | 'not-needed') => ({
  taskId: next.taskId,
  caseId: next.caseId,
  deptId: next.deptId,
  status: next.status,
  decision,
  decidedAt,
  delivery,
  ...(next.status === 'denied' ? { rightsNotice: RECONSIDERATION_RIGHTS } : {}),
});

/** When the task last changed hands or state: the decision, the latest suspension or resumption, or the latest 转办. */
function lastChangeOf(task: DepartmentTask): string {
  const times = [
    task.decidedAt,
    ...(task.suspensions ?? []).flatMap((suspension) => [suspension.from, suspension.resumedAt]),
    ...(task.reassignments ?? []).map((reassignment) => reassignment.at),
  ].filter((time): time is string => time !== undefined);
  return times.sort().at(-1) ?? task.createdAt;
}

/**
 * The reply to a retried decision whose first call committed and died before answering, from the stored task. An
 * approval or denial is told to the waiting workflow again with the current token (a used or expired one is refused,
 * harmlessly), so a crash between the decision and the callback does not leave the case waiting; a suspension, resumption
 * or 转办 whose callback was lost is picked up when the task's wait is next re-sent, as an expired token's would be.
 */
export async function replayTaskDecision(deps: ApprovalDependencies, ctx: RequestContext, taskId: string, body: DecisionBody) {
  const { task, callbackToken } = await loadForStaff(deps, ctx, taskId, 'task.decide');
  const delivery = isDecided(task) && callbackToken ? await deps.callback.succeed(callbackToken, decidedAnswer(task)) : 'token-expired';
  return decisionReply(task, body.decision, lastChangeOf(task), delivery);
}
