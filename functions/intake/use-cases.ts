import { z } from 'zod';
import type { DepartmentTask } from '../approval/domain/department-task';
import type { TaskRepository } from '../approval/domain/ports';
import { clockSuspensions } from '../approval/domain/department-task';
import { currentStageDeadline, escalationPolicyOf, stageDeadlineProvisional, stageLight, taskWaitSeconds } from '../approval/domain/task-clock';
import type { ItemCatalogue, TenantDirectory, TenantProfile } from '../catalogue/domain/service-item';
import { outstandingDeferredMaterials, releaseView } from '../certificates/domain/release';
import type { WorkingCalendar } from '../domain/calendar';
import { applicantProofSchema, applicantSchema } from '../kernel/applicant';
import { type NationalCalendarSource, tenantCalendar } from '../kernel/calendar-access';
import type { CaseEvent } from '../kernel/events/case-events';
import { checklistView, missingMaterials } from '../materials/domain/material';
import { InvalidTransitionError, notFound } from '../shared/errors';
import type { ClockMonitor } from '../shared/monitoring';
import type { RequestContext } from '../shared/request-context';
import type { Clock, IdGenerator } from '../shared/runtime';
import { caseClockView } from './domain/case-clock-view';
import { deadlineField } from './domain/deadlines';
import {
  acceptCase,
  type Case,
  type CaseNotice,
  caseStatusLabel,
  approveOnCommitment,
  checkDeferrable,
  completeOnTheSpot,
  recordPostVerification,
  deemAccepted,
  isFinished,
  markApprovalStarted,
  noticeNumber,
  refuseCase,
  requestSupplement,
  resubmitCase as resubmit,
  submitCase,
  validateForm,
} from './domain/case';
import { type NoticeArchive, noticeDocument } from './domain/notices';
import type { AcceptanceTimer, ApprovalWorkflow, CaseRecords, CaseRepository } from './domain/ports';

export const createCaseBody = z
  .object({
    /** The item applied for; or `bundleCode` for a 一件事 bundle (one merged form, every department in parallel). */
    itemCode: z.string().trim().min(1).max(64).optional(),
    bundleCode: z.string().trim().min(1).max(64).optional(),
    channel: z.enum(['online', 'window']).default('online'),
    /** For channel `window`: the window and the clerk filing on the applicant's behalf. */
    window: z.object({ windowId: z.string().trim().min(1).max(40), clerk: z.string().trim().min(1).max(64) }).optional(),
    applicant: applicantSchema,
    formData: z.record(z.string(), z.unknown()).default({}),
    /** 告知承诺: the signed commitment that stands in for proofs, for items that allow it. */
    commitment: z
      .object({ statement: z.string().trim().min(10).max(2000), signedBy: z.string().trim().min(1).max(100), signedAt: z.iso.datetime() })
      .optional(),
  })
  .refine((body) => body.channel !== 'window' || body.window !== undefined, {
    path: ['window'],
    message: 'window intake must record windowId and clerk / 窗口代办须记录窗口和经办人',
  })
  .refine((body) => (body.itemCode === undefined) !== (body.bundleCode === undefined), {
    path: ['itemCode'],
    message: 'give exactly one of itemCode and bundleCode / 须且只能填写事项编码或一件事编码之一',
  });

const actor = z.string().trim().min(1).max(64).default('window');

export const acceptanceBody = z.discriminatedUnion('decision', [
  z.object({
    decision: z.literal('accept'),
    actor,
    /** 容缺受理: may-be-missing materials accepted as missing, with the applicant's signed commitment to supply them. */
    deferred: z
      .object({
        materialIds: z.array(z.string().trim().min(1).max(64)).min(1).max(50),
        commitment: z.object({ statement: z.string().trim().min(10).max(2000), signedBy: z.string().trim().min(1).max(100), signedAt: z.iso.datetime() }),
      })
      .optional(),
  }),
  z.object({
    decision: z.literal('supplement'),
    items: z
      .array(z.object({ materialId: z.string().trim().min(1).max(64), reason: z.string().trim().min(1).max(200) }))
      .min(1)
      .max(50),
    actor,
  }),
  z.object({ decision: z.enum(['reject', 'return']), reason: z.string().trim().min(1).max(500), actor }),
  z.object({ decision: z.literal('complete'), actor }),
]);

export const postVerificationBody = z.object({
  outcome: z.enum(['confirmed', 'false-commitment']),
  verifier: z.string().trim().min(1).max(64),
  note: z.string().trim().min(1).max(1000),
});

export const resubmissionBody = z.object({ formData: z.record(z.string(), z.unknown()).optional() });

/** An applicant's own cases are found by the digest of their ID and confirmed by their phone. */
export const myCasesBody = applicantProofSchema;

export interface IntakeDependencies {
  readonly cases: CaseRepository;
  /** The case's department tasks (the approval context's), read to start the workflow and to show the case. */
  readonly tasks: Pick<TaskRepository, 'findMany'>;
  readonly catalogue: Pick<ItemCatalogue, 'publishedItem' | 'itemVersion'>;
  readonly tenants: Pick<TenantDirectory, 'profile'>;
  /** What other contexts keep in the case partition (materials, release, certificates), for the case view. */
  readonly records: CaseRecords;
  readonly workflow: ApprovalWorkflow;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly monitor: ClockMonitor;
  readonly notices: NoticeArchive;
  readonly acceptanceTimer: AcceptanceTimer;
  readonly calendar: NationalCalendarSource;
}

/** The tenant's working-day calendar as loaded now: the national notices (official or provisional) plus its local closures. */
const calendarOf = async (deps: Pick<IntakeDependencies, 'calendar'>, profile: TenantProfile): Promise<WorkingCalendar> =>
  tenantCalendar(profile, await deps.calendar.current());

/**
 * Primary course: the applicant (or a window clerk for them) files an application for a published
 * item; the case is stored with its first timeline event and waits for acceptance review.
 */
export async function createCase(
  deps: Pick<IntakeDependencies, 'cases' | 'catalogue' | 'tenants' | 'clock' | 'ids' | 'monitor' | 'acceptanceTimer' | 'calendar'>,
  ctx: RequestContext,
  input: z.infer<typeof createCaseBody>,
) {
  const code = (input.itemCode ?? input.bundleCode) as string;
  const [tenant, item] = await Promise.all([deps.tenants.profile(ctx.tenantId), deps.catalogue.publishedItem(ctx.tenantId, code)]);
  if (!tenant) throw notFound.tenant(ctx.tenantId);
  if (!item || (input.bundleCode !== undefined && !item.bundleOf)) throw input.bundleCode !== undefined ? notFound.bundle(code) : notFound.item(code);
  const now = deps.clock.now().toISOString();
  const submitted = submitCase(
    {
      tenantId: ctx.tenantId,
      caseId: deps.ids.next(),
      item,
      channel: input.channel,
      applicant: input.applicant,
      formData: input.formData,
      ...(input.window ? { window: input.window } : {}),
      ...(input.commitment ? { commitment: input.commitment } : {}),
    },
    now,
    deps.ids.next(),
  );
  await deps.cases.create(submitted.case, submitted.event);
  const timer = await armAcceptanceTimer(deps, submitted.case, tenant);
  return {
    caseId: submitted.case.caseId,
    status: submitted.case.status,
    itemVersion: submitted.case.itemVersion,
    createdAt: now,
    noticeDeadline: timer.noticeDeadline,
  };
}

async function loadCase(cases: CaseRepository, ctx: RequestContext, caseId: string): Promise<Case> {
  const found = await cases.find(ctx.tenantId, caseId);
  if (!found) throw notFound.case(caseId);
  return found;
}

/** Issues a notice: archived as a document first, so a stored notice always has its document. */
async function issue(deps: Pick<IntakeDependencies, 'notices'>, current: Case, notice: CaseNotice): Promise<void> {
  await deps.notices.archive(current, notice, noticeDocument(current, notice));
}

const latestNotice = (current: Case): CaseNotice | undefined => current.notices?.[current.notices.length - 1];

/**
 * Primary course: the window reviews a submitted case and decides, with a written notice each time:
 * accept (受理, the promised deadline starts and the case is routed to its departments in the same
 * transaction, then the approval workflow starts), supplement (ONE notice listing every missing
 * material), reject (不予受理) or return (退件) with a reason, or complete a 即办件 on the spot.
 * A retried accept after the workflow failed to start re-attempts the start and never duplicates tasks.
 */
export async function decideAcceptance(deps: IntakeDependencies, ctx: RequestContext, caseId: string, decision: z.infer<typeof acceptanceBody>) {
  let current = await loadCase(deps.cases, ctx, caseId);
  const now = deps.clock.now().toISOString();
  if (decision.decision === 'supplement') {
    const requested = requestSupplement(current, decision.items, decision.actor, now, deps.ids.next());
    await issue(deps, requested.case, requested.notice);
    await deps.cases.save(requested.case, [requested.event]);
    return { caseId, status: requested.case.status, notice: requested.notice };
  }
  if (decision.decision === 'reject' || decision.decision === 'return') {
    const refused = refuseCase(current, decision.decision, decision.reason, decision.actor, now, deps.ids.next());
    await issue(deps, refused.case, latestNotice(refused.case) as CaseNotice);
    await deps.cases.save(refused.case, [refused.event]);
    return { caseId, status: refused.case.status, notice: latestNotice(refused.case) };
  }
  if (decision.decision === 'complete') {
    const item = await deps.catalogue.itemVersion(ctx.tenantId, current.itemCode, current.itemVersion);
    if (!item) throw notFound.item(`${current.itemCode}@${current.itemVersion}`);
    const done = completeOnTheSpot(current, item, decision.actor, noticeNumber('acceptance', ctx.tenantId, caseId, now), now, [
      deps.ids.next(),
      deps.ids.next(),
    ]);
    await issue(deps, done.case, latestNotice(done.case) as CaseNotice);
    await deps.cases.save(done.case, done.events);
    return { caseId, status: done.case.status, completedAt: done.case.completedAt, result: item.result.name, notice: latestNotice(done.case) };
  }
  if (current.status === 'submitted' && current.commitment) {
    const item = await deps.catalogue.itemVersion(ctx.tenantId, current.itemCode, current.itemVersion);
    if (!item) throw notFound.item(`${current.itemCode}@${current.itemVersion}`);
    const approved = approveOnCommitment(current, item, decision.actor, noticeNumber('acceptance', ctx.tenantId, caseId, now), now, [
      deps.ids.next(),
      deps.ids.next(),
    ]);
    await issue(deps, approved.case, latestNotice(approved.case) as CaseNotice);
    await deps.cases.save(approved.case, approved.events);
    return {
      caseId,
      status: approved.case.status,
      completedAt: approved.case.completedAt,
      postVerification: approved.case.postVerification,
      notice: latestNotice(approved.case),
    };
  }
  if (current.status === 'submitted') {
    const routed = await routeForAcceptance(deps, ctx, current, now);
    const deferred = decision.decision === 'accept' ? decision.deferred : undefined;
    if (deferred) checkDeferrable(routed.item, deferred.materialIds);
    const accepted = acceptCase(
      current,
      { ...routed.acceptance, actor: decision.actor, noticeNo: noticeNumber('acceptance', ctx.tenantId, caseId, now), ...(deferred ? { deferred } : {}) },
      now,
      deps.ids.next(),
    );
    await issue(deps, accepted.case, latestNotice(accepted.case) as CaseNotice);
    await deps.cases.save(accepted.case, [accepted.event], routed.tasks);
    current = accepted.case;
  }
  if (current.status !== 'accepted') {
    // accepting an already running or finished case is answered by the domain rule (409)
    acceptCase(current, { tasks: current.tasks, actor: decision.actor }, now, '');
  }
  const started = await startApproval(deps, current);
  return { caseId, status: started.status, acceptedAt: started.acceptedAt, promisedDeadline: started.promisedDeadline, notice: latestNotice(started) };
}

/**
 * The departments of the case's item version, one task each with its stage deadline, and the
 * promised deadline: all counted from `startedAt` on the tenant's working-day calendar.
 */
async function routeForAcceptance(deps: IntakeDependencies, ctx: RequestContext, current: Case, startedAt: string) {
  const [item, profile] = await Promise.all([
    deps.catalogue.itemVersion(ctx.tenantId, current.itemCode, current.itemVersion),
    deps.tenants.profile(ctx.tenantId),
  ]);
  if (!item) throw notFound.item(`${current.itemCode}@${current.itemVersion}`);
  if (!profile) throw notFound.tenant(ctx.tenantId);
  const calendar = await calendarOf(deps, profile);
  const onGap = (year: number) => deps.monitor.calendarGap(year, { tenantId: ctx.tenantId, caseId: current.caseId });
  const serial = item.mode === 'serial';
  let daysBefore = 0;
  const tasks: DepartmentTask[] = item.departments.map((department) => {
    // a serial stage's own clock starts when it reaches its department; until then its deadline is the plan's
    const plannedDays = serial ? (daysBefore += department.stageDays) : department.stageDays;
    return {
      tenantId: ctx.tenantId,
      taskId: deps.ids.next(),
      caseId: current.caseId,
      deptId: department.deptId,
      lead: department.lead,
      itemCode: item.code,
      itemName: item.name,
      status: 'waiting',
      stageDays: department.stageDays,
      ...deadlineField('stageDeadline', startedAt, plannedDays, calendar, onGap),
      light: 'green',
      createdAt: startedAt,
      escalations: 0,
      prerequisites: department.prerequisites ?? [],
      supplementPolicy: item.supplementPolicy ?? 'suspend',
      ...(serial ? { serial: true } : {}),
    };
  });
  return {
    item,
    tasks,
    acceptance: {
      tasks: tasks.map(({ taskId, deptId, lead }) => ({ taskId, deptId, lead })),
      ...deadlineField('promisedDeadline', startedAt, item.promisedDays, calendar, onGap),
    },
  };
}

/** Primary course: the applicant supplied what the one-time notice listed; the case returns to acceptance review. */
export async function resubmitCase(
  deps: Pick<IntakeDependencies, 'cases' | 'catalogue' | 'tenants' | 'clock' | 'ids' | 'monitor' | 'acceptanceTimer' | 'calendar'>,
  ctx: RequestContext,
  caseId: string,
  body: z.infer<typeof resubmissionBody>,
) {
  const current = await loadCase(deps.cases, ctx, caseId);
  const now = deps.clock.now().toISOString();
  const resubmitted = resubmit(current, body.formData, now, deps.ids.next());
  if (body.formData) {
    const item = await deps.catalogue.itemVersion(ctx.tenantId, current.itemCode, current.itemVersion);
    if (!item) throw notFound.item(`${current.itemCode}@${current.itemVersion}`);
    validateForm(item, resubmitted.case.formData);
  }
  await deps.cases.save(resubmitted.case, [resubmitted.event]);
  const timer = await armAcceptanceTimer(deps, resubmitted.case);
  return { caseId, status: resubmitted.case.status, receivedAt: now, noticeDeadline: timer.noticeDeadline };
}

/**
 * When the deemed-acceptance timer of a case should fire: just after its notice deadline, counted
 * from the receipt of the complete application. In a year without a calendar it re-checks daily.
 */
function noticeTimerFor(
  deps: Pick<IntakeDependencies, 'clock' | 'monitor'>,
  current: Case,
  profile: TenantProfile,
  calendar: WorkingCalendar,
): { noticeDeadline: string | null; fireAt: string } {
  const receivedAt = current.receivedAt ?? current.createdAt;
  const view = caseClockView(
    { ...current, createdAt: receivedAt },
    calendar,
    deps.clock.now().toISOString(),
    profile.supervision.yellowThresholdDays,
    current.noticeDays ?? 1,
  );
  for (const alert of view.alerts) deps.monitor.calendarGap(alert.year, { tenantId: current.tenantId, caseId: current.caseId });
  const fireAt = view.noticeDeadline
    ? new Date(Date.parse(view.noticeDeadline) + 1000).toISOString()
    : new Date(deps.clock.now().getTime() + 86_400_000).toISOString();
  return { noticeDeadline: view.noticeDeadline, fireAt };
}

/**
 * Arms the timer of a submitted case. A failure to start it does not undo the stored application
 * (nothing is lost): it is logged as a calendar-independent alarm and re-armed by `startAcceptanceTimer`.
 */
async function armAcceptanceTimer(
  deps: Pick<IntakeDependencies, 'tenants' | 'clock' | 'monitor' | 'acceptanceTimer' | 'calendar'>,
  current: Case,
  knownProfile?: TenantProfile,
): Promise<{ noticeDeadline: string | null }> {
  const profile = knownProfile ?? (await deps.tenants.profile(current.tenantId));
  if (!profile) throw notFound.tenant(current.tenantId);
  const timer = noticeTimerFor(deps, current, profile, await calendarOf(deps, profile));
  await deps.acceptanceTimer.start({
    tenantId: current.tenantId,
    caseId: current.caseId,
    receivedAt: current.receivedAt ?? current.createdAt,
    fireAt: timer.fireAt,
  });
  return timer;
}

/** (Re)arms the deemed-acceptance timer of a case still waiting for its acceptance decision (local restarts, repair). */
export async function startAcceptanceTimer(deps: IntakeDependencies, tenantId: string, caseId: string): Promise<void> {
  const found = await deps.cases.find(tenantId, caseId);
  if (found?.status === 'submitted') await armAcceptanceTimer(deps, found);
}

/**
 * Primary course: the timer fired. If the window has still not decided and the notice deadline has
 * passed, the case is accepted as of the receipt date (视为受理), its notice stage recorded as
 * overdue, and routed like any accepted case. A decision that got there first wins: the optimistic
 * lock lets exactly one of them change the case. Returns `fireAt` when the timer must wait again.
 */
export async function deemAcceptance(deps: IntakeDependencies, input: { tenantId: string; caseId: string }): Promise<{ outcome: string; fireAt?: string }> {
  const current = await deps.cases.find(input.tenantId, input.caseId);
  if (!current || current.status !== 'submitted') return { outcome: 'decided-by-window' };
  const profile = await deps.tenants.profile(input.tenantId);
  if (!profile) throw notFound.tenant(input.tenantId);
  const timer = noticeTimerFor(deps, current, profile, await calendarOf(deps, profile));
  const now = deps.clock.now().toISOString();
  if (!timer.noticeDeadline || now <= timer.noticeDeadline) return { outcome: 'not-due', fireAt: timer.fireAt };
  const ctx = { tenantId: input.tenantId, requestId: `timer-${input.caseId}` };
  const receivedAt = current.receivedAt ?? current.createdAt;
  const routed = await routeForAcceptance(deps, ctx, current, receivedAt);
  const deemed = deemAccepted(
    current,
    { ...routed.acceptance, actor: 'system', noticeNo: noticeNumber('acceptance', input.tenantId, input.caseId, now) },
    timer.noticeDeadline,
    now,
    deps.ids.next(),
  );
  try {
    await issue(deps, deemed.case, latestNotice(deemed.case) as CaseNotice);
    await deps.cases.save(deemed.case, [deemed.event], routed.tasks);
  } catch (error) {
    if (error instanceof InvalidTransitionError) return { outcome: 'decided-by-window' };
    throw error;
  }
  await startApproval(deps, deemed.case);
  return { outcome: 'deemed-accepted' };
}

/** Primary course: the department verifies a commitment after approval; a false one revokes the approval with a credit record. */
export async function verifyCommitment(
  deps: Pick<IntakeDependencies, 'cases' | 'clock' | 'ids'>,
  ctx: RequestContext,
  caseId: string,
  body: z.infer<typeof postVerificationBody>,
) {
  const current = await loadCase(deps.cases, ctx, caseId);
  const verified = recordPostVerification(current, body.outcome, body.verifier, body.note, deps.clock.now().toISOString(), deps.ids.next());
  await deps.cases.save(verified.case, [verified.event]);
  return { caseId, status: verified.case.status, postVerification: verified.case.postVerification, creditRecord: verified.case.creditRecord };
}

/** An applicant's own cases, newest first: found by the digest of their ID, confirmed by their phone number. */
export async function listMyCases(deps: Pick<IntakeDependencies, 'cases'>, ctx: RequestContext, who: z.infer<typeof myCasesBody>) {
  const cases = await deps.cases.listForApplicant(ctx.tenantId, who.idType, who.idNumber, 100);
  return {
    cases: cases
      .filter((found) => found.applicant.phone === who.phone)
      .map((found) => ({
        caseId: found.caseId,
        item: { code: found.itemCode, name: found.itemName },
        status: found.status,
        statusLabel: caseStatusLabel(found.status),
        createdAt: found.createdAt,
      })),
  };
}

/**
 * Starts (or, after a lost execution, restarts) the approval workflow of an accepted case from the
 * tasks DynamoDB holds. The execution is named after the case, so a repeated start is harmless.
 */
export async function startApproval(deps: IntakeDependencies, current: Case): Promise<Case> {
  const [tasks, profile] = await Promise.all([
    deps.tasks.findMany(
      current.tenantId,
      current.tasks.map((task) => task.taskId),
    ),
    deps.tenants.profile(current.tenantId),
  ]);
  const calendar = profile ? await calendarOf(deps, profile) : await deps.calendar.current();
  const policy = profile ? escalationPolicyOf(profile.supervision) : undefined;
  const executionRef = await deps.workflow.start({
    tenantId: current.tenantId,
    caseId: current.caseId,
    // a serial chain hands one department at a time, in the configured order
    maxConcurrency: tasks.some((task) => task.serial) ? 1 : 0,
    tasks: tasks.map((task) => ({ taskId: task.taskId, deptId: task.deptId, timeoutSeconds: taskWaitSeconds(task, deps.clock.now(), calendar, policy) })),
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

/** Status, deadlines, light, department progress and timeline, with what the view's other parts are counted on. */
async function caseProgress(
  deps: Pick<IntakeDependencies, 'cases' | 'tasks' | 'tenants' | 'clock' | 'monitor' | 'calendar'>,
  ctx: RequestContext,
  caseId: string,
) {
  const found = await loadCase(deps.cases, ctx, caseId);
  const [timeline, tasks, profile] = await Promise.all([
    deps.cases.timeline(ctx.tenantId, caseId),
    deps.tasks.findMany(
      ctx.tenantId,
      found.tasks.map((task) => task.taskId),
    ),
    deps.tenants.profile(ctx.tenantId),
  ]);
  if (!profile) throw notFound.tenant(ctx.tenantId);
  const now = deps.clock.now();
  const calendar = await calendarOf(deps, profile);
  const clock = caseClockView(
    found,
    calendar,
    now.toISOString(),
    profile.supervision.yellowThresholdDays,
    found.noticeDays ?? 1,
    tasks.flatMap(clockSuspensions),
  );
  for (const alert of clock.alerts) deps.monitor.calendarGap(alert.year, { tenantId: ctx.tenantId, caseId });
  const view = {
    caseId: found.caseId,
    tenantId: found.tenantId,
    item: { code: found.itemCode, name: found.itemName, version: found.itemVersion, ...(found.bundleOf ? { bundleOf: found.bundleOf } : {}) },
    channel: found.channel,
    window: found.window,
    applicant: { kind: found.applicant.kind, name: found.applicant.name },
    receivedAt: found.receivedAt,
    deemedAccepted: found.deemedAccepted ?? false,
    commitment: found.commitment ? { signedBy: found.commitment.signedBy, signedAt: found.commitment.signedAt } : undefined,
    deferredMaterials: found.deferredMaterials,
    postVerification: found.postVerification,
    creditRecord: found.creditRecord,
    notices: found.notices ?? [],
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
    rightsNotice: found.rightsNotice,
    tasks: tasks.map((task) => ({
      taskId: task.taskId,
      deptId: task.deptId,
      lead: task.lead,
      status: task.status,
      stageDeadline: currentStageDeadline(task, now, calendar) ?? task.stageDeadline,
      light: stageLight(task, now, calendar, profile.supervision.yellowThresholdDays),
      provisional: stageDeadlineProvisional(task, now, calendar),
      decision: task.decision,
      decidedAt: task.decidedAt,
      ...(task.claimedBy ? { claimedBy: task.claimedBy } : {}),
      ...(task.suspensions?.length ? { suspensions: task.suspensions } : {}),
      ...(task.reassignments?.length ? { reassignments: task.reassignments } : {}),
      ...(task.escalation ? { escalation: task.escalation } : {}),
      ...(task.voidedBecause ? { voidedBecause: task.voidedBecause } : {}),
    })),
    // by time: notice records sort next to the event they report in the table, but happened later
    timeline: [...timeline].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)).map(publicEvent),
  };
  return { view, found, calendar };
}

/**
 * The case as the applicant and staff see it: status, deadlines, light, department progress and timeline,
 * with its material checklist (what is provided, what is still missing) and its results (the release and
 * the certificates), which the materials and certificates contexts keep in the case partition.
 */
export async function getCaseView(
  deps: Pick<IntakeDependencies, 'cases' | 'tasks' | 'tenants' | 'catalogue' | 'records' | 'clock' | 'monitor' | 'calendar'>,
  ctx: RequestContext,
  caseId: string,
) {
  const { view, found, calendar } = await caseProgress(deps, ctx, caseId);
  const [item, checklist, release, certificates] = await Promise.all([
    deps.catalogue.itemVersion(ctx.tenantId, found.itemCode, found.itemVersion),
    deps.records.checklist(ctx.tenantId, caseId),
    deps.records.release(ctx.tenantId, caseId),
    deps.records.certificates(ctx.tenantId, caseId),
  ]);
  if (!item) throw notFound.item(`${found.itemCode}@${found.itemVersion}`);
  const missing = missingMaterials(checklist, item);
  const facts = { tenantId: ctx.tenantId, caseId, status: found.status, ...(found.completedAt ? { completedAt: found.completedAt } : {}) };
  const waitingFor = outstandingDeferredMaterials(
    found.deferredMaterials?.materialIds ?? [],
    checklist.map((entry) => entry.materialId),
  );
  return {
    ...view,
    materials: checklistView(checklist, item),
    missingMaterials: { blocking: missing.blocking.map((material) => material.id), deferrable: missing.deferrable.map((material) => material.id) },
    // release.blocked: 容缺 materials still outstanding hold the result back (the approval join relies on it too)
    release: releaseView(release, facts, waitingFor, calendar, deps.clock.now().toISOString()),
    certificates: certificates.map((certificate) => ({
      certificateNo: certificate.certificateNo,
      certificateType: certificate.certificateType,
      name: certificate.name,
      itemCode: certificate.itemCode,
      status: certificate.status,
      issuedAt: certificate.issuedAt,
      validUntil: certificate.validUntil,
    })),
  };
}
