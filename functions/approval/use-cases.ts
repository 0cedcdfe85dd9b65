import { z } from 'zod';
import type { CaseRepository } from '../intake/domain/ports';
import { concludeApproval, type CaseEvent, type CaseEventType } from '../intake/domain/case';
import { notFound } from '../shared/errors';
import type { RequestContext } from '../shared/request-context';
import type { Clock, IdGenerator } from '../shared/runtime';
import { assignTask, decideTask, type DepartmentTask, escalate, isDecided, resultOf } from './domain/department-task';
import type { TaskRepository, WorkflowCallback } from './domain/ports';
import { stageLight, taskWaitSeconds } from './domain/task-clock';
import type { TenantDirectory } from '../catalogue/domain/service-item';
import { tenantCalendar } from '../catalogue/domain/guide';
import { nationalCalendar } from '../domain/calendar';

export interface ApprovalDependencies {
  readonly tasks: TaskRepository;
  readonly tenants: TenantDirectory;
  readonly cases: CaseRepository;
  readonly callback: WorkflowCallback;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

/** What the workflow puts on the department queue; the token stays on the server. */
export const taskMessageSchema = z.object({
  taskToken: z.string().min(1),
  tenantId: z.string().regex(/^\d{6}$/),
  caseId: z.string().min(1),
  taskId: z.string().min(1),
  deptId: z.string().min(1),
  timeoutSeconds: z.number().int().positive(),
  /** `$$.State.EnteredTime`: orders re-sends, so a redelivered older message cannot replace a newer token. */
  dispatchedAt: z.iso.datetime(),
});

export const taskDecisionBody = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('approve'), comment: z.string().trim().max(1000).optional() }),
  z.object({ decision: z.literal('deny'), reason: z.string().trim().min(1).max(1000) }),
]);

export const taskListQuery = z.object({
  status: z.enum(['waiting', 'pending', 'approved', 'denied']).default('pending'),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

const event = (deps: Pick<ApprovalDependencies, 'ids'>, task: DepartmentTask, type: CaseEventType, at: string, actor: string, detail: Record<string, unknown>): CaseEvent => ({
  eventId: deps.ids.next(),
  caseId: task.caseId,
  type,
  at,
  actor,
  detail: { taskId: task.taskId, deptId: task.deptId, ...detail },
});

/**
 * Primary course: the workflow handed a task to its department; store it as pending with the fresh
 * callback token. If the department already decided (its callback met an expired token), answer the
 * workflow at once with the stored decision: DynamoDB is the truth, the workflow follows it.
 */
export async function storeDepartmentTask(
  deps: Pick<ApprovalDependencies, 'tasks' | 'callback' | 'clock' | 'ids'>,
  message: z.infer<typeof taskMessageSchema>,
): Promise<'stored' | 'answered-from-record' | 'stale-message-ignored'> {
  const stored = await deps.tasks.find(message.tenantId, message.taskId);
  if (!stored) throw notFound.task(message.taskId);
  if (isDecided(stored.task)) {
    await deps.callback.succeed(message.taskToken, resultOf(stored.task));
    return 'answered-from-record';
  }
  const isStale = (dispatchedAt?: string) => dispatchedAt !== undefined && Date.parse(dispatchedAt) > Date.parse(message.dispatchedAt);
  if (isStale(stored.tokenDispatchedAt)) return 'stale-message-ignored';
  const now = deps.clock.now();
  const assigned = assignTask(stored.task, now.toISOString());
  const expiresAt = new Date(Date.parse(message.dispatchedAt) + message.timeoutSeconds * 1000).toISOString();
  const type = stored.task.status === 'waiting' ? 'DepartmentTaskAssigned' : 'DepartmentTaskReissued';
  try {
    await deps.tasks.saveAssignment(
      assigned,
      { callbackToken: message.taskToken, dispatchedAt: message.dispatchedAt, expiresAt },
      event(deps, assigned, type, now.toISOString(), 'system', { stageDeadline: assigned.stageDeadline }),
    );
  } catch (error) {
    // lost a race: either a newer dispatch or a decision got there first, and both make this message moot
    const current = await deps.tasks.find(message.tenantId, message.taskId);
    if (current && isDecided(current.task)) return storeDepartmentTask(deps, message);
    if (current && isStale(current.tokenDispatchedAt)) return 'stale-message-ignored';
    throw error;
  }
  return 'stored';
}

/** A department's work list, ordered by stage deadline, with each task's light as of now. */
/** The tenant's working-day calendar (national arrangements plus its local closures). */
async function calendarOf(deps: Pick<ApprovalDependencies, 'tenants'>, tenantId: string) {
  const profile = await deps.tenants.profile(tenantId);
  return profile ? tenantCalendar(profile) : nationalCalendar;
}

export async function listDepartmentTasks(deps: Pick<ApprovalDependencies, 'tasks' | 'tenants' | 'clock'>, ctx: RequestContext, deptId: string, query: z.infer<typeof taskListQuery>) {
  const [tasks, calendar] = await Promise.all([deps.tasks.listForDepartment(ctx.tenantId, deptId, query.status, query.limit), calendarOf(deps, ctx.tenantId)]);
  const now = deps.clock.now();
  return {
    deptId,
    status: query.status,
    tasks: tasks.map((task) => ({
      taskId: task.taskId,
      caseId: task.caseId,
      itemCode: task.itemCode,
      itemName: task.itemName,
      lead: task.lead,
      status: task.status,
      assignedAt: task.assignedAt,
      stageDeadline: task.stageDeadline,
      light: stageLight(task, now, calendar),
    })),
  };
}

/**
 * Primary course: the department decides; the decision is stored with its timeline event, then
 * handed to the waiting workflow with the token current at that moment. If that token has just
 * expired (an escalation re-sent the task), the re-sent message finds the stored decision and
 * answers the workflow itself, so the decision is never lost.
 */
export async function decideDepartmentTask(deps: ApprovalDependencies, ctx: RequestContext, taskId: string, body: z.infer<typeof taskDecisionBody>) {
  const stored = await deps.tasks.find(ctx.tenantId, taskId);
  if (!stored) throw notFound.task(taskId);
  const now = deps.clock.now().toISOString();
  const reason = body.decision === 'deny' ? body.reason : body.comment;
  const decided = decideTask(stored.task, body.decision, reason, now);
  await deps.tasks.save(decided, stored.task.status, event(deps, decided, 'DepartmentTaskDecided', now, decided.deptId, { decision: body.decision }));
  const current = await deps.tasks.find(ctx.tenantId, taskId);
  const delivery = current?.callbackToken ? await deps.callback.succeed(current.callbackToken, resultOf(decided)) : 'token-expired';
  return { taskId, caseId: decided.caseId, status: decided.status, decidedAt: now, delivery };
}

export const escalationInput = z.object({ tenantId: z.string().regex(/^\d{6}$/), caseId: z.string(), taskId: z.string(), deptId: z.string() });

/**
 * Primary course: a department's wait timed out because its light is due to change; record the new
 * light and tell the workflow how long the next wait lasts. The re-sent task gets a fresh token.
 */
export async function escalateOverdueTask(deps: ApprovalDependencies, input: z.infer<typeof escalationInput>) {
  const stored = await deps.tasks.find(input.tenantId, input.taskId);
  if (!stored) throw notFound.task(input.taskId);
  const now = deps.clock.now();
  const calendar = await calendarOf(deps, input.tenantId);
  if (!isDecided(stored.task)) {
    const light = stageLight(stored.task, now, calendar);
    const escalated = escalate(stored.task, light);
    await deps.tasks.save(escalated, stored.task.status, event(deps, escalated, 'DepartmentTaskEscalated', now.toISOString(), 'system', { light }));
  }
  return { ...input, timeoutSeconds: isDecided(stored.task) ? 1 : taskWaitSeconds(stored.task, now, calendar) };
}

export const completionInput = z.object({ tenantId: z.string().regex(/^\d{6}$/), caseId: z.string() });

/**
 * Primary course: every department has answered; the join concludes the case from the stored task
 * decisions (not from what the workflow carried), once.
 */
export async function completeApproval(deps: ApprovalDependencies, input: z.infer<typeof completionInput>) {
  const current = await deps.cases.find(input.tenantId, input.caseId);
  if (!current) throw notFound.case(input.caseId);
  if (current.status === 'completed' || current.status === 'denied') return { caseId: current.caseId, status: current.status };
  const tasks = await deps.tasks.findMany(input.tenantId, current.tasks.map((task) => task.taskId));
  const undecided = tasks.filter((task) => !isDecided(task));
  // the workflow only joins after every department answered; anything else is a fault worth a retry
  if (undecided.length > 0) throw new Error(`join reached with undecided tasks: ${undecided.map((task) => task.taskId).join(', ')}`);
  const outcomes = tasks.map(resultOf);
  const concluded = concludeApproval(current, outcomes, deps.clock.now().toISOString(), deps.ids.next());
  await deps.cases.save(concluded.case, [concluded.event]);
  return { caseId: concluded.case.caseId, status: concluded.case.status };
}
