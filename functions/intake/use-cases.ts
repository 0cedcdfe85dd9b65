import { z } from 'zod';
import type { DepartmentTask } from '../approval/domain/department-task';
import type { TaskRepository } from '../approval/domain/ports';
import { stageLight, taskWaitSeconds } from '../approval/domain/task-clock';
import type { ItemCatalogue, TenantDirectory } from '../catalogue/domain/service-item';
import { deadlineField } from './domain/deadlines';
import { notFound } from '../shared/errors';
import type { RequestContext } from '../shared/request-context';
import type { ClockMonitor } from '../shared/monitoring';
import type { Clock, IdGenerator } from '../shared/runtime';
import { tenantCalendar } from '../catalogue/domain/guide';
import { caseClockView } from './domain/case-clock-view';
import { acceptCase, type Case, type CaseEvent, caseStatusLabel, isFinished, markApprovalStarted, refuseCase, submitCase } from './domain/case';
import type { ApprovalWorkflow, CaseRepository } from './domain/ports';

export const applicantSchema = z.object({
  kind: z.enum(['person', 'organisation']),
  name: z.string().trim().min(1).max(100),
  idType: z.enum(['居民身份证', '统一社会信用代码', '护照', '港澳居民来往内地通行证', '台湾居民来往大陆通行证', '外国人永久居留身份证']),
  idNumber: z.string().trim().min(6).max(32),
  phone: z.string().trim().regex(/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/, 'phone must be a mainland mobile or landline number'),
});

export const createCaseBody = z.object({
  itemCode: z.string().trim().min(1).max(64),
  channel: z.enum(['online', 'window']).default('online'),
  applicant: applicantSchema,
  formData: z.record(z.string(), z.unknown()).default({}),
});

export const acceptanceBody = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('accept'), actor: z.string().trim().min(1).max(64).default('window') }),
  z.object({ decision: z.enum(['reject', 'return']), reason: z.string().trim().min(1).max(500), actor: z.string().trim().min(1).max(64).default('window') }),
]);

export interface IntakeDependencies {
  readonly cases: CaseRepository;
  readonly tasks: TaskRepository;
  readonly catalogue: ItemCatalogue;
  readonly tenants: TenantDirectory;
  readonly workflow: ApprovalWorkflow;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly monitor: ClockMonitor;
}

/**
 * Primary course: the applicant (or a window clerk for them) files an application for a published
 * item; the case is stored with its first timeline event and waits for acceptance review.
 */
export async function createCase(deps: Pick<IntakeDependencies, 'cases' | 'catalogue' | 'tenants' | 'clock' | 'ids'>, ctx: RequestContext, input: z.infer<typeof createCaseBody>) {
  const [tenant, item] = await Promise.all([deps.tenants.profile(ctx.tenantId), deps.catalogue.publishedItem(ctx.tenantId, input.itemCode)]);
  if (!tenant) throw notFound.tenant(ctx.tenantId);
  if (!item) throw notFound.item(input.itemCode);
  const now = deps.clock.now().toISOString();
  const submitted = submitCase({ tenantId: ctx.tenantId, caseId: deps.ids.next(), item, ...input }, now, deps.ids.next());
  await deps.cases.create(submitted.case, submitted.event);
  return { caseId: submitted.case.caseId, status: submitted.case.status, itemVersion: submitted.case.itemVersion, createdAt: now };
}

async function loadCase(cases: CaseRepository, ctx: RequestContext, caseId: string): Promise<Case> {
  const found = await cases.find(ctx.tenantId, caseId);
  if (!found) throw notFound.case(caseId);
  return found;
}

/**
 * Primary course: the window accepts the case (受理); the promised deadline starts, one task per
 * department is created in the same transaction, then the approval workflow starts.
 * A retry after the workflow failed to start re-attempts the start and never duplicates tasks.
 */
export async function decideAcceptance(deps: IntakeDependencies, ctx: RequestContext, caseId: string, decision: z.infer<typeof acceptanceBody>) {
  let current = await loadCase(deps.cases, ctx, caseId);
  const now = deps.clock.now().toISOString();
  if (decision.decision !== 'accept') {
    const refused = refuseCase(current, decision.decision, decision.reason, decision.actor, now, deps.ids.next());
    await deps.cases.save(refused.case, [refused.event]);
    return { caseId, status: refused.case.status };
  }
  if (current.status === 'submitted') {
    const [item, profile] = await Promise.all([deps.catalogue.itemVersion(ctx.tenantId, current.itemCode, current.itemVersion), deps.tenants.profile(ctx.tenantId)]);
    if (!item) throw notFound.item(`${current.itemCode}@${current.itemVersion}`);
    if (!profile) throw notFound.tenant(ctx.tenantId);
    const calendar = tenantCalendar(profile);
    const onGap = (year: number) => deps.monitor.calendarGap(year, { tenantId: ctx.tenantId, caseId });
    const tasks: DepartmentTask[] = item.departments.map((department) => ({
      tenantId: ctx.tenantId,
      taskId: deps.ids.next(),
      caseId,
      deptId: department.deptId,
      lead: department.lead,
      itemCode: item.code,
      itemName: item.name,
      status: 'waiting',
      stageDays: department.stageDays,
      ...deadlineField('stageDeadline', now, department.stageDays, calendar, onGap),
      light: 'green',
      createdAt: now,
      escalations: 0,
    }));
    const accepted = acceptCase(
      current,
      { tasks: tasks.map(({ taskId, deptId, lead }) => ({ taskId, deptId, lead })), ...deadlineField('promisedDeadline', now, item.promisedDays, calendar, onGap), actor: decision.actor },
      now,
      deps.ids.next(),
    );
    await deps.cases.save(accepted.case, [accepted.event], tasks);
    current = accepted.case;
  }
  if (current.status !== 'accepted') {
    // accepting an already running or finished case is answered by the domain rule (409)
    acceptCase(current, { tasks: current.tasks, actor: decision.actor }, now, '');
  }
  const started = await startApproval(deps, current);
  return { caseId, status: started.status, acceptedAt: started.acceptedAt, promisedDeadline: started.promisedDeadline };
}

/**
 * Starts (or, after a lost execution, restarts) the approval workflow of an accepted case from the
 * tasks DynamoDB holds. The execution is named after the case, so a repeated start is harmless.
 */
export async function startApproval(deps: IntakeDependencies, current: Case): Promise<Case> {
  const tasks = await deps.tasks.findMany(current.tenantId, current.tasks.map((task) => task.taskId));
  const executionRef = await deps.workflow.start({
    tenantId: current.tenantId,
    caseId: current.caseId,
    tasks: tasks.map((task) => ({ taskId: task.taskId, deptId: task.deptId, timeoutSeconds: taskWaitSeconds(task, deps.clock.now()) })),
  });
  if (current.status !== 'accepted') return current;
  const started = markApprovalStarted(current, executionRef, deps.clock.now().toISOString(), deps.ids.next());
  await deps.cases.save(started.case, [started.event]);
  return started.case;
}

/** Re-drives the workflow of a case that DynamoDB says is still in approval (local restarts, operator repair). */
export async function resumeApproval(deps: IntakeDependencies, tenantId: string, caseId: string): Promise<Case> {
  const found = await deps.cases.find(tenantId, caseId);
  if (!found) throw notFound.case(caseId);
  if (found.status !== 'accepted' && found.status !== 'in_approval') return found;
  return startApproval(deps, found);
}

const publicEvent = (event: CaseEvent) => ({ type: event.type, at: event.at, actor: event.actor, detail: event.detail });

/** The case as the applicant and staff see it: status, deadlines, light, department progress and timeline. */
export async function getCaseView(deps: Pick<IntakeDependencies, 'cases' | 'tasks' | 'tenants' | 'clock' | 'monitor'>, ctx: RequestContext, caseId: string) {
  const found = await loadCase(deps.cases, ctx, caseId);
  const [timeline, tasks, profile] = await Promise.all([
    deps.cases.timeline(ctx.tenantId, caseId),
    deps.tasks.findMany(ctx.tenantId, found.tasks.map((task) => task.taskId)),
    deps.tenants.profile(ctx.tenantId),
  ]);
  if (!profile) throw notFound.tenant(ctx.tenantId);
  const now = deps.clock.now();
  const clock = caseClockView(found, tenantCalendar(profile), now.toISOString(), profile.supervision.yellowThresholdDays, found.noticeDays ?? 1);
  for (const alert of clock.alerts) deps.monitor.calendarGap(alert.year, { tenantId: ctx.tenantId, caseId });
  return {
    caseId: found.caseId,
    tenantId: found.tenantId,
    item: { code: found.itemCode, name: found.itemName, version: found.itemVersion },
    channel: found.channel,
    applicant: { kind: found.applicant.kind, name: found.applicant.name },
    status: found.status,
    statusLabel: caseStatusLabel(found.status),
    finished: isFinished(found.status),
    createdAt: found.createdAt,
    acceptedAt: found.acceptedAt,
    promisedDays: found.promisedDays,
    promisedDeadline: clock.promisedDeadline,
    completedAt: found.completedAt,
    clock,
    outcomeReason: found.outcomeReason,
    tasks: tasks.map((task) => ({
      taskId: task.taskId,
      deptId: task.deptId,
      lead: task.lead,
      status: task.status,
      stageDeadline: task.stageDeadline,
      light: stageLight(task, now),
      decision: task.decision,
      decidedAt: task.decidedAt,
    })),
    timeline: timeline.map(publicEvent),
  };
}

/** Case ids are ULIDs; anything else is refused before it reaches storage. */
export const caseIdSchema = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'expected a 26-character ULID');
