import { InvalidTransitionError, ValidationError } from '../../shared/errors';

/**
 * A department's share of a case (部门审批任务), pure. `waiting` until the workflow hands it to the
 * department, `pending` while the department works on it (`suspended` while a special procedure or a
 * supplement stops its clock), then `approved` or `denied`; `cancelled` when the case ended before the
 * department answered (another department denied). The callback token is a transport detail kept by
 * the repository, never part of what callers see.
 */
export type TaskStatus = 'waiting' | 'pending' | 'suspended' | 'approved' | 'denied' | 'cancelled';

/** `unknown` when the official calendar for a year the stage reaches into is not loaded yet. */
export type TaskLight = 'green' | 'yellow' | 'red' | 'suspended' | 'unknown';

export type TaskDecision = 'approve' | 'deny';

/** Why a stage clock stopped: a special procedure (seed 004 art.11) or material the applicant must supplement. */
export type SuspensionKind = '现场勘察' | '专家论证' | '听证' | '公示' | '检验检测' | '鉴定' | '补正';

export interface TaskSuspension {
  readonly kind: SuspensionKind;
  readonly reason: string;
  readonly expectedDays: number;
  readonly from: string;
  readonly resumedAt?: string;
  readonly by?: string;
}

export interface TaskReassignment {
  readonly fromDeptId: string;
  readonly toDeptId: string;
  readonly reason: string;
  readonly at: string;
  readonly by?: string;
}

/** How far up the supervision ladder an overdue stage has gone. */
export interface TaskEscalation {
  /** 0 none, 1 yellow (handler and department head told), 2 red (first 督办 level), 3+ higher 督办 levels. */
  readonly level: number;
  /** The new handling deadline the current 督办 level set, if any. */
  readonly supervisionDeadline?: string;
  /** When the current 督办 level took the stage up, and the working days it gave: the handling deadline's inputs. */
  readonly since?: string;
  readonly handlingDays?: number;
}

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
  /** When the stage clock started, if not at creation: a serial stage starts when it reaches its department; a restarted supplement restarts it. */
  readonly stageStartedAt?: string;
  readonly assignedAt?: string;
  readonly decidedAt?: string;
  readonly decision?: TaskDecision;
  readonly reason?: string;
  /** Count of light changes recorded (kept for older records); `escalation` says where on the ladder. */
  readonly escalations: number;
  readonly escalation?: TaskEscalation;
  /** 默认前置条件批准: the departments of the same item whose approval this one presumes. */
  readonly prerequisites?: readonly string[];
  /** What a supplement does to this stage's clock (the item's policy). */
  readonly supplementPolicy?: 'restart' | 'suspend';
  readonly claimedBy?: string;
  readonly claimedAt?: string;
  readonly suspensions?: readonly TaskSuspension[];
  readonly reassignments?: readonly TaskReassignment[];
  /** An approval voided because a prerequisite department denied. */
  readonly voidedBecause?: string;
  /** An approved serial chain: this stage starts when it reaches its department. */
  readonly serial?: boolean;
}

/** What the workflow receives when a department has decided. */
export interface DepartmentResult {
  readonly taskId: string;
  readonly deptId: string;
  readonly decision: TaskDecision;
  readonly reason?: string;
}

export const isDecided = (task: DepartmentTask): boolean => task.status === 'approved' || task.status === 'denied';
/** No longer waiting for anyone: decided, or cancelled with its case. */
export const isClosed = (task: DepartmentTask): boolean => isDecided(task) || task.status === 'cancelled';

export function resultOf(task: DepartmentTask): DepartmentResult {
  if (!task.decision) throw new Error(`task ${task.taskId} has no decision yet`);
  return { taskId: task.taskId, deptId: task.deptId, decision: task.decision, ...(task.reason ? { reason: task.reason } : {}) };
}

const refuse = (zh: string, en: string, code: string): never => {
  throw new InvalidTransitionError(zh, en, code);
};

const openSuspension = (task: DepartmentTask): TaskSuspension | undefined => (task.suspensions ?? []).find((suspension) => !suspension.resumedAt);

/** The workflow handed the task (again) to the department. A serial stage's clock starts now. */
export function assignTask(task: DepartmentTask, now: string, startsStageClock = false): DepartmentTask {
  if (isClosed(task)) refuse('审批任务已办结', 'Task is already closed', 'TASK_ALREADY_DECIDED');
  const first = task.assignedAt === undefined;
  return {
    ...task,
    status: task.status === 'suspended' ? 'suspended' : 'pending',
    assignedAt: task.assignedAt ?? now,
    ...(first && startsStageClock ? { stageStartedAt: now } : {}),
  };
}

function requireWorkable(task: DepartmentTask, action: { zh: string; en: string }, allowSuspended = false): void {
  if (task.status === 'pending' || (allowSuspended && task.status === 'suspended')) return;
  if (isClosed(task)) refuse(`审批任务已办结，不能${action.zh}`, `Task is already closed; cannot ${action.en}`, 'TASK_NOT_PENDING');
  if (task.status === 'suspended')
    refuse(`审批任务处于中止状态，请先恢复再${action.zh}`, `Task is suspended; resume it before you ${action.en}`, 'TASK_SUSPENDED');
  refuse(`审批任务尚未送达部门，不能${action.zh}`, `Task has not reached the department yet; cannot ${action.en}`, 'TASK_NOT_PENDING');
}

/** 首问负责: a named handler takes the task; someone else's claim is not silently taken over. */
export function claimTask(task: DepartmentTask, staffId: string, now: string): DepartmentTask {
  requireWorkable(task, { zh: '认领', en: 'claim' }, true);
  if (task.claimedBy && task.claimedBy !== staffId)
    refuse(`该任务已由 ${task.claimedBy} 认领`, `Task is already claimed by ${task.claimedBy}`, 'TASK_ALREADY_CLAIMED');
  return { ...task, claimedBy: staffId, claimedAt: task.claimedAt ?? now };
}

export function decideTask(task: DepartmentTask, decision: TaskDecision, reason: string | undefined, now: string, staffId?: string): DepartmentTask {
  requireWorkable(task, { zh: '作出决定', en: 'decide' });
  if (staffId && task.claimedBy && task.claimedBy !== staffId)
    refuse(`该任务由 ${task.claimedBy} 承办，其他人员不能决定`, `Task is handled by ${task.claimedBy}`, 'TASK_CLAIMED_BY_OTHER');
  if (decision === 'deny' && !reason)
    throw new ValidationError('不予批准须说明理由', 'A denial needs a reason', [{ path: 'body.reason', message: 'required' }], 'REASON_REQUIRED');
  return {
    ...task,
    status: decision === 'approve' ? 'approved' : 'denied',
    decision,
    decidedAt: now,
    ...(reason ? { reason } : {}),
    ...(staffId && !task.claimedBy ? { claimedBy: staffId, claimedAt: now } : {}),
  };
}

/** A special procedure or a supplement request stops the stage clock until `resume`. */
export function suspendTask(task: DepartmentTask, suspension: Omit<TaskSuspension, 'from' | 'resumedAt'>, now: string): DepartmentTask {
  requireWorkable(task, { zh: '中止计时', en: 'suspend' });
  return { ...task, status: 'suspended', suspensions: [...(task.suspensions ?? []), { ...suspension, from: now }] };
}

/**
 * The special procedure ended or the supplement arrived: the clock runs again. A supplement under the
 * `restart` policy restarts the stage from now (its earlier time no longer counts).
 */
export function resumeTask(task: DepartmentTask, now: string, by?: string): DepartmentTask {
  const open = openSuspension(task);
  if (task.status !== 'suspended' || !open) refuse('审批任务未中止，无需恢复', 'Task is not suspended', 'TASK_NOT_SUSPENDED');
  const restarts = open?.kind === '补正' && task.supplementPolicy === 'restart';
  return {
    ...task,
    status: 'pending',
    suspensions: restarts
      ? []
      : (task.suspensions ?? []).map((suspension) => (suspension === open ? { ...suspension, resumedAt: now, ...(by ? { by } : {}) } : suspension)),
    ...(restarts ? { stageStartedAt: now } : {}),
  };
}

/** 转办: the task moves to another department, keeping its stage deadline (a transfer buys no time). */
export function reassignTask(task: DepartmentTask, toDeptId: string, reason: string, now: string, by?: string): DepartmentTask {
  requireWorkable(task, { zh: '转办', en: 'reassign' });
  if (toDeptId === task.deptId)
    throw new ValidationError(
      '不能转办给本部门',
      'Cannot reassign to the same department',
      [{ path: 'body.toDeptId', message: 'same department' }],
      'REASSIGN_TO_SELF',
    );
  const { claimedBy: _claimedBy, claimedAt: _claimedAt, ...unclaimed } = task;
  return {
    ...unclaimed,
    deptId: toDeptId,
    status: 'waiting',
    reassignments: [...(task.reassignments ?? []), { fromDeptId: task.deptId, toDeptId, reason, at: now, ...(by ? { by } : {}) }],
  };
}

/** The case ended before this department answered. */
export function cancelTask(task: DepartmentTask, now: string): DepartmentTask {
  if (isClosed(task)) return task;
  return { ...task, status: 'cancelled', decidedAt: now };
}

/** The periods the stage clock stood still, for the clock (an open one has no end yet). */
export const clockSuspensions = (task: DepartmentTask): ReadonlyArray<readonly [string, string | undefined]> =>
  (task.suspensions ?? []).map((suspension) => [suspension.from, suspension.resumedAt] as const);

export function escalate(task: DepartmentTask, light: TaskLight, escalation: TaskEscalation): DepartmentTask {
  return { ...task, light, escalations: task.escalations + 1, escalation };
}

/**
 * 默认前置条件批准 at the join: every department worked as if its prerequisites were approved. A
 * denied prerequisite voids the approvals that presumed it, directly or through another department.
 */
export function voidApprovalsPresumingDenials(tasks: readonly DepartmentTask[]): DepartmentTask[] {
  const denied = new Set(tasks.filter((task) => task.status === 'denied').map((task) => task.deptId));
  const presumes = (task: DepartmentTask, seen = new Set<string>()): string | undefined => {
    for (const prerequisite of task.prerequisites ?? []) {
      if (denied.has(prerequisite)) return prerequisite;
      if (seen.has(prerequisite)) continue;
      seen.add(prerequisite);
      const upstream = tasks.find((candidate) => candidate.deptId === prerequisite);
      const found = upstream ? presumes(upstream, seen) : undefined;
      if (found) return found;
    }
    return undefined;
  };
  return tasks.map((task) => {
    const deniedPrerequisite = task.status === 'approved' ? presumes(task) : undefined;
    return deniedPrerequisite ? { ...task, voidedBecause: deniedPrerequisite } : task;
  });
}
