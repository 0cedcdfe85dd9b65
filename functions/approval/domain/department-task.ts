import { InvalidTransitionError } from '../../shared/errors';

/**
 * A department's share of a case (部门审批任务), pure. `waiting` until the workflow hands it to the
 * department, `pending` while the department works on it, then `approved` or `denied`.
 * The callback token is a transport detail kept by the repository, never part of what callers see.
 */
export type TaskStatus = 'waiting' | 'pending' | 'approved' | 'denied';

/** `unknown` when the official calendar for a year the stage reaches into is not loaded yet. */
export type TaskLight = 'green' | 'yellow' | 'red' | 'suspended' | 'unknown';

export type TaskDecision = 'approve' | 'deny';

export interface DepartmentTask {
  readonly tenantId: string;
  readonly taskId: string;
  readonly caseId: string;
  readonly deptId: string;
  readonly lead: boolean;
  readonly itemCode: string;
  readonly itemName: string;
  readonly status: TaskStatus;
  readonly stageDays: number;
  /** Absent while the official calendar of the year it falls in is not loaded. */
  readonly stageDeadline?: string;
  readonly light: TaskLight;
  readonly createdAt: string;
  readonly assignedAt?: string;
  readonly decidedAt?: string;
  readonly decision?: TaskDecision;
  readonly reason?: string;
  readonly escalations: number;
}

/** What the workflow receives when a department has decided. */
export interface DepartmentResult {
  readonly taskId: string;
  readonly deptId: string;
  readonly decision: TaskDecision;
  readonly reason?: string;
}

export const isDecided = (task: DepartmentTask): boolean => task.status === 'approved' || task.status === 'denied';

export function resultOf(task: DepartmentTask): DepartmentResult {
  if (!task.decision) throw new Error(`task ${task.taskId} has no decision yet`);
  return { taskId: task.taskId, deptId: task.deptId, decision: task.decision, ...(task.reason ? { reason: task.reason } : {}) };
}

/** The workflow handed the task (again) to the department: it is now pending there. */
export function assignTask(task: DepartmentTask, now: string): DepartmentTask {
  if (isDecided(task)) throw new InvalidTransitionError('审批任务已办结', 'Task is already decided', 'TASK_ALREADY_DECIDED');
  return { ...task, status: 'pending', assignedAt: task.assignedAt ?? now };
}

export function decideTask(task: DepartmentTask, decision: TaskDecision, reason: string | undefined, now: string): DepartmentTask {
  if (task.status !== 'pending') {
    const zh = isDecided(task) ? '审批任务已办结，不能重复决定' : '审批任务尚未送达部门，不能决定';
    const en = isDecided(task) ? 'Task is already decided' : 'Task has not reached the department yet';
    throw new InvalidTransitionError(zh, en, 'TASK_NOT_PENDING');
  }
  return {
    ...task,
    status: decision === 'approve' ? 'approved' : 'denied',
    decision,
    decidedAt: now,
    ...(reason ? { reason } : {}),
  };
}

export function escalate(task: DepartmentTask, light: TaskLight): DepartmentTask {
  return { ...task, light, escalations: task.escalations + 1 };
}
