import { z } from 'zod';
import type { TenantDirectory } from '../catalogue/domain/service-item';
import { concludeApproval, RECONSIDERATION_RIGHTS } from '../intake/domain/case';
import type { CaseRepository } from '../intake/domain/ports';
import { type NationalCalendarSource, tenantCalendar } from '../kernel/calendar-access';
import type { CaseEvent, CaseEventType } from '../kernel/events/case-events';
import { tenantIdSchema } from '../kernel/ids';
import { ForbiddenError, notFound, RuleNotSatisfiableError, ValidationError } from '../shared/errors';
import type { RequestContext, StaffRole } from '../shared/request-context';
import type { Clock, IdGenerator } from '../shared/runtime';
import {
  assignTask,
  cancelTask,
  claimTask,
  decideTask,
  type DepartmentTask,
  escalate,
  isClosed,
  isDecided,
  reassignTask,
  resultOf,
  resumeTask,
  suspendTask,
  voidApprovalsPresumingDenials,
} from './domain/department-task';
import type { TaskRepository, WorkflowAnswer, WorkflowCallback } from './domain/ports';
import {
  currentStageDeadline,
  DEFAULT_ESCALATION_POLICY,
  escalationPolicyOf,
  nextEscalation,
  stageDeadlineProvisional,
  stageLight,
  taskWaitSeconds,
} from './domain/task-clock';

export interface ApprovalDependencies {
  readonly tasks: TaskRepository;
  readonly tenants: Pick<TenantDirectory, 'profile'>;
  /** The case the join concludes (intake's aggregate, changed on its revision like every change of it). */
  readonly cases: Pick<CaseRepository, 'find' | 'save'>;
  readonly callback: WorkflowCallback;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly calendar: NationalCalendarSource;
}

/** What the workflow puts on the department queue; the token stays on the server. */
export const taskMessageSchema = z.object({
  taskToken: z.string().min(1),
  tenantId: tenantIdSchema,
  caseId: z.string().min(1),
  taskId: z.string().min(1),
  deptId: z.string().min(1),
  timeoutSeconds: z.number().int().positive(),
  /** `$$.State.EnteredTime`: orders re-sends, so a redelivered older message cannot replace a newer token. */
  dispatchedAt: z.iso.datetime(),
});

const reasonText = z.string().trim().min(1).max(1000);

export const taskDecisionBody = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('approve'), comment: z.string().trim().max(1000).optional() }),
  z.object({ decision: z.literal('deny'), reason: reasonText }),
  /** Ask the applicant for more material; the item's policy suspends or restarts the stage clock. */
  z.object({ decision: z.literal('supplement'), reason: reasonText, expectedDays: z.number().int().min(1).max(60).default(5) }),
  /** A special procedure stops the clock (seed 004 art.11). */
  z.object({
    decision: z.literal('suspend'),
    procedure: z.enum(['现场勘察', '专家论证', '听证', '公示', '检验检测', '鉴定']),
    reason: reasonText,
    expectedDays: z.number().int().min(1).max(60),
  }),
  z.object({ decision: z.literal('resume'), comment: z.string().trim().max(1000).optional() }),
  /** 转办 to another department of the tenant. */
  z.object({ decision: z.literal('reassign'), toDeptId: z.string().regex(/^[A-Z0-9_-]{1,32}$/), reason: reasonText }),
]);

export const taskListQuery = z.object({
  status: z.enum(['waiting', 'pending', 'suspended', 'approved', 'denied', 'cancelled']).default('pending'),
  light: z.enum(['green', 'yellow', 'red', 'suspended', 'unknown']).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

const event = (
  deps: Pick<ApprovalDependencies, 'ids'>,
  task: DepartmentTask,
  type: CaseEventType,
  at: string,
  actor: string,
  detail: Record<string, unknown>,
): CaseEvent => ({
  eventId: deps.ids.next(),
  caseId: task.caseId,
  type,
  at,
  actor,
  detail: { taskId: task.taskId, deptId: task.deptId, ...detail },
});

/** The tenant's working-day calendar (national arrangements plus its local closures) and escalation ladder. */
async function supervisionOf(deps: Pick<ApprovalDependencies, 'tenants' | 'calendar'>, tenantId: string) {
  const [profile, national] = await Promise.all([deps.tenants.profile(tenantId), deps.calendar.current()]);
  return profile
    ? {
        calendar: tenantCalendar(profile, national),
        policy: escalationPolicyOf(profile.supervision),
        departments: profile.departments.map((department) => department.deptId),
      }
    : { calendar: national, policy: DEFAULT_ESCALATION_POLICY, departments: undefined };
}

const decidedAnswer = (task: DepartmentTask): WorkflowAnswer => ({ outcome: 'decided', ...resultOf(task) });

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

/** A department's work list, ordered by stage deadline, with each task's light as of now (optionally only one light). */
export async function listDepartmentTasks(
  deps: Pick<ApprovalDependencies, 'tasks' | 'tenants' | 'clock' | 'calendar'>,
  ctx: RequestContext,
  deptId: string,
  query: z.infer<typeof taskListQuery>,
) {
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

/** Who works a department's tasks: its handlers and head (and administrators); a window clerk or a supervisor does not. */
const TASK_ROLES: readonly StaffRole[] = ['handler', 'department_head', 'admin'];

/** Staff act only on their own department's tasks; anyone else's task does not exist for them. */
async function loadForStaff(deps: Pick<ApprovalDependencies, 'tasks'>, ctx: RequestContext, taskId: string) {
  if (ctx.staff && !TASK_ROLES.includes(ctx.staff.role)) {
    throw new ForbiddenError(`「${ctx.staff.role}」角色不能办理部门审批任务`, `Role ${ctx.staff.role} cannot work department tasks`, 'ROLE_NOT_ALLOWED');
  }
  const stored = await deps.tasks.find(ctx.tenantId, taskId);
  if (!stored || (ctx.staff?.deptId !== undefined && ctx.staff.deptId !== stored.task.deptId && ctx.staff.role !== 'admin')) throw notFound.task(taskId);
  return stored;
}

/** 首问负责: a named handler of the department takes the task. */
export async function claimDepartmentTask(deps: ApprovalDependencies, ctx: RequestContext, taskId: string) {
  if (!ctx.staff)
    throw new ValidationError(
      '认领任务须提供工作人员身份',
      'Claiming a task needs the staff identity headers',
      [{ path: 'headers.x-staff-id', message: 'required' }],
      'STAFF_IDENTITY_REQUIRED',
    );
  const stored = await loadForStaff(deps, ctx, taskId);
  const now = deps.clock.now().toISOString();
  const claimed = claimTask(stored.task, ctx.staff.staffId, now);
  if (claimed.claimedBy === stored.task.claimedBy) return { taskId, claimedBy: claimed.claimedBy, claimedAt: claimed.claimedAt };
  await deps.tasks.save(
    claimed,
    stored.task.status,
    event(deps, claimed, 'DepartmentTaskClaimed', now, ctx.staff.staffId, { staffId: ctx.staff.staffId, role: ctx.staff.role }),
  );
  return { taskId, claimedBy: claimed.claimedBy, claimedAt: claimed.claimedAt };
}

type DecisionBody = z.infer<typeof taskDecisionBody>;

/** The task after the decision, its timeline event, and what (if anything) the waiting workflow must be told. */
function applyDecision(
  task: DepartmentTask,
  body: DecisionBody,
  now: string,
  staffId: string | undefined,
): { next: DepartmentTask; type: CaseEventType; detail: Record<string, unknown>; tell?: 'decided' | 'rescheduled' } {
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

/**
 * Primary course: the department decides; the change is stored with its timeline event, then the
 * waiting workflow is told with the token current at that moment: the decision itself, or that its
 * wait must be recomputed (resumed clock, task moved). If that token has just expired (an escalation
 * re-sent the task), the re-sent message finds the stored decision and answers the workflow itself,
 * so nothing is lost.
 */
export async function decideDepartmentTask(deps: ApprovalDependencies, ctx: RequestContext, taskId: string, body: DecisionBody) {
  const stored = await loadForStaff(deps, ctx, taskId);
  if (body.decision === 'reassign') {
    const { departments } = await supervisionOf(deps, ctx.tenantId);
    if (departments && !departments.includes(body.toDeptId)) {
      throw new RuleNotSatisfiableError(
        `转办的目标部门 ${body.toDeptId} 不是本县进驻部门`,
        `Department ${body.toDeptId} is not a department of this tenant`,
        'UNKNOWN_DEPARTMENT',
      );
    }
  }
  const now = deps.clock.now().toISOString();
  const actor = ctx.staff?.staffId ?? stored.task.deptId;
  const { next, type, detail, tell } = applyDecision(stored.task, body, now, ctx.staff?.staffId);
  await deps.tasks.save(next, stored.task.status, event(deps, next, type, now, actor, { ...detail, ...(ctx.staff ? { staffId: ctx.staff.staffId } : {}) }));
  const current = await deps.tasks.find(ctx.tenantId, taskId);
  const answer: WorkflowAnswer | undefined = tell === 'decided' ? decidedAnswer(next) : tell === 'rescheduled' ? { outcome: 'rescheduled', taskId } : undefined;
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

export const escalationInput = z.object({ tenantId: tenantIdSchema, caseId: z.string(), taskId: z.string(), deptId: z.string() });

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

export const completionInput = z.object({ tenantId: tenantIdSchema, caseId: z.string() });

/**
 * Primary course: every department has answered, or one denied and the others need not: the join
 * concludes the case from the stored task decisions (not from what the workflow carried), once.
 * Departments that had not answered are cancelled; approvals that presumed a denied prerequisite
 * (默认前置条件批准) are voided; nothing is released unless every result is an approval.
 */
export async function completeApproval(deps: ApprovalDependencies, input: z.infer<typeof completionInput>) {
  const current = await deps.cases.find(input.tenantId, input.caseId);
  if (!current) throw notFound.case(input.caseId);
  if (current.status === 'completed' || current.status === 'denied') return { caseId: current.caseId, status: current.status };
  const tasks = await deps.tasks.findMany(
    input.tenantId,
    current.tasks.map((task) => task.taskId),
  );
  const anyDenied = tasks.some((task) => task.status === 'denied');
  const undecided = tasks.filter((task) => !isClosed(task));
  // without a denial the workflow only joins after every department answered; anything else is a fault worth a retry
  if (!anyDenied && undecided.length > 0) throw new Error(`join reached with undecided tasks: ${undecided.map((task) => task.taskId).join(', ')}`);
  const now = deps.clock.now().toISOString();
  for (const task of undecided) {
    const cancelled = cancelTask(task, now);
    await deps.tasks.save(
      cancelled,
      task.status,
      event(deps, cancelled, 'DepartmentTaskCancelled', now, 'system', { reason: '其他部门不予批准，本部门无需再办理' }),
    );
  }
  const judged = voidApprovalsPresumingDenials(tasks);
  for (const task of judged.filter((candidate) => candidate.voidedBecause !== undefined)) {
    await deps.tasks.save(task, task.status, event(deps, task, 'DepartmentApprovalVoided', now, 'system', { prerequisite: task.voidedBecause }));
  }
  const outcomes = judged.filter(isDecided).map((task) => ({ ...resultOf(task), ...(task.voidedBecause ? { voidedBecause: task.voidedBecause } : {}) }));
  const concluded = concludeApproval(current, outcomes, now, deps.ids.next());
  await deps.cases.save(concluded.case, [concluded.event]);
  return { caseId: concluded.case.caseId, status: concluded.case.status };
}
