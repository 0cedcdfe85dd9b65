import type { CaseEventType } from '../../kernel/events/case-events';
import { RuleNotSatisfiableError } from '../../shared/errors';
import { decideTask, type DepartmentTask, reassignTask, resultOf, resumeTask, type SuspensionKind, suspendTask } from './department-task';
import type { WorkflowAnswer } from './ports';

/** What a department decides on a task (the validated request body of the decision route). */
export type TaskDecisionRequest =
  | { readonly decision: 'approve'; readonly comment?: string }
  | { readonly decision: 'deny'; readonly reason: string }
  /** Ask the applicant for more material; the item's policy suspends or restarts the stage clock. */
  | { readonly decision: 'supplement'; readonly reason: string; readonly expectedDays: number }
  /** A special procedure stops the clock (seed 004 art.11). */
  | { readonly decision: 'suspend'; readonly procedure: Exclude<SuspensionKind, '补正'>; readonly reason: string; readonly expectedDays: number }
  | { readonly decision: 'resume'; readonly comment?: string }
  /** 转办 to another department of the tenant. */
  | { readonly decision: 'reassign'; readonly toDeptId: string; readonly reason: string };

/** A decision applied to a task: the task after it, its timeline event, and whom to tell. */
export interface AppliedDecision {
  readonly next: DepartmentTask;
  readonly type: CaseEventType;
  readonly detail: Record<string, unknown>;
  readonly tell?: 'decided' | 'rescheduled';
}

/** 转办 only to a department of the tenant (`undefined` when the tenant's profile is not known: nothing to check against). */
export function requireTenantDepartment(departments: readonly string[] | undefined, toDeptId: string): void {
  if (departments && !departments.includes(toDeptId)) {
    throw new RuleNotSatisfiableError(
      `转办的目标部门 ${toDeptId} 不是本县进驻部门`,
      `Department ${toDeptId} is not a department of this tenant`,
      'UNKNOWN_DEPARTMENT',
    );
  }
}

/** The task after the decision, its timeline event, and what (if anything) the waiting workflow must be told. */
export function applyDecision(task: DepartmentTask, body: TaskDecisionRequest, now: string, staffId: string | undefined): AppliedDecision {
  switch (body.decision) {
    case 'approve':
    case 'deny': {
      const reason = body.decision === 'deny' ? body.reason : body.comment;
      return {
        next: decideTask(task, body.decision, reason, now, staffId),
        type: 'DepartmentTaskDecided',
        detail: { decision: body.decision },
        tell: 'decided',
      };
    }
    case 'supplement':
      return {
        next: suspendTask(task, { kind: '补正', reason: body.reason, expectedDays: body.expectedDays, ...(staffId ? { by: staffId } : {}) }, now),
        type: 'DepartmentTaskSuspended',
        detail: { procedure: '补正', expectedDays: body.expectedDays, reason: body.reason, policy: task.supplementPolicy ?? 'suspend' },
      };
    case 'suspend':
      return {
        next: suspendTask(task, { kind: body.procedure, reason: body.reason, expectedDays: body.expectedDays, ...(staffId ? { by: staffId } : {}) }, now),
        type: 'DepartmentTaskSuspended',
        detail: { procedure: body.procedure, expectedDays: body.expectedDays },
      };
    case 'resume':
      return { next: resumeTask(task, now, staffId), type: 'DepartmentTaskResumed', detail: {}, tell: 'rescheduled' };
    case 'reassign':
      return {
        next: reassignTask(task, body.toDeptId, body.reason, now, staffId),
        type: 'DepartmentTaskReassigned',
        detail: { fromDeptId: task.deptId, toDeptId: body.toDeptId, reason: body.reason },
        tell: 'rescheduled',
      };
  }
}

/** What the workflow is told of a decided task: the stored decision. */
export const decidedAnswer = (task: DepartmentTask): WorkflowAnswer => ({ outcome: 'decided', ...resultOf(task) });

/** What the waiting workflow is told after a decision (`undefined`: nothing, its wait stands). */
export const workflowAnswerOf = ({ next, tell }: Pick<AppliedDecision, 'next' | 'tell'>, taskId: string): WorkflowAnswer | undefined =>
  tell === 'decided' ? decidedAnswer(next) : tell === 'rescheduled' ? { outcome: 'rescheduled', taskId } : undefined;
