import { z } from 'zod';
import type { DepartmentTask } from '../approval/domain/department-task';
import type { TaskRepository, WorkflowCallback } from '../approval/domain/ports';
import type { TenantDirectory } from '../catalogue/domain/service-item';
import type { ReleaseRepository } from '../certificates/domain/ports';
import { nationalCalendarFrom, type WorkingCalendar } from '../domain/calendar';
import type { Case } from '../intake/domain/case';
import type { CaseRepository } from '../intake/domain/ports';
import { type NationalCalendarSource, tenantCalendar } from '../kernel/calendar-access';
import type { CaseEvent } from '../kernel/events/case-events';
import type { ReviewEvent } from '../kernel/events/review-events';
import { tenantIdSchema } from '../kernel/ids';
import type { ReviewStore } from '../reviews/domain/ports';
import type { Rectification, RectificationStatus } from '../reviews/domain/rectification';
import type { Clock, IdGenerator } from '../shared/runtime';
import {
  caseDeadlineChanges,
  type DeadlineChange,
  rectificationDeadlineChange,
  type RecomputeBasis,
  taskDeadlineChanges,
  withRecomputedCaseDeadlines,
} from './domain/deadline-changes';
import type { HolidayNoticeStore } from './domain/ports';

/** The `CalendarNoticeLoaded` event as the topic delivers it (the national level in the tenant slot). */
export const noticeLoadedMessage = z.object({
  version: z.literal(1),
  tenantId: z.string(),
  eventId: z.string().min(1),
  type: z.literal('CalendarNoticeLoaded'),
  detail: z.object({ year: z.number().int(), version: z.number().int().positive(), previousVersion: z.number().int().positive().nullable() }),
});

/** One county's share of the work, fanned out so that a province of counties never runs in one invocation. */
export const tenantRecomputeMessage = z.object({
  kind: z.literal('recompute-tenant'),
  tenantId: tenantIdSchema,
  noticeEventId: z.string().min(1),
  year: z.number().int(),
  version: z.number().int().positive(),
  previousVersion: z.number().int().positive().nullable(),
});

export const recomputeMessage = z.union([noticeLoadedMessage, tenantRecomputeMessage]);

/** Port: hands each county's recomputation to a queue (delayed past every function's calendar cache). */
export interface RecomputeRequests {
  request(messages: readonly z.infer<typeof tenantRecomputeMessage>[]): Promise<void>;
}

export interface RecomputeDependencies {
  readonly cases: Pick<CaseRepository, 'find' | 'save' | 'listInStatus' | 'appendEvent'>;
  readonly tasks: Pick<TaskRepository, 'find' | 'findMany' | 'save'>;
  readonly callback: WorkflowCallback;
  readonly releases: ReleaseRepository;
  readonly reviews: Pick<ReviewStore, 'pageRectifications' | 'saveRectification'>;
  readonly tenants: Pick<TenantDirectory, 'profile' | 'tenantIds'>;
  readonly notices: Pick<HolidayNoticeStore, 'current' | 'versions'>;
  readonly calendar: NationalCalendarSource;
  readonly requests: RecomputeRequests;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

/** A completed case's delivery deadline is recomputed while its result can still be handed over late; older ones are history. */
const DELIVERY_LOOKBACK_DAYS = 30;
const RECTIFICATION_PAGE = 1000;
const OPEN_RECTIFICATION_STATUSES: readonly RectificationStatus[] = ['open', 'verified', 'rectified', 'called_back'];

/**
 * Primary course: a holiday notice was loaded; every county recomputes its open deadlines. Each county
 * becomes its own message, so one slow county is retried alone.
 */
export async function fanOutRecomputation(
  deps: Pick<RecomputeDependencies, 'tenants' | 'requests'>,
  loaded: z.infer<typeof noticeLoadedMessage>,
): Promise<number> {
  const tenantIds = await deps.tenants.tenantIds();
  await deps.requests.request(
    tenantIds.map((tenantId) => ({
      kind: 'recompute-tenant',
      tenantId,
      noticeEventId: loaded.eventId,
      year: loaded.detail.year,
      version: loaded.detail.version,
      previousVersion: loaded.detail.previousVersion,
    })),
  );
  return tenantIds.length;
}

/** The national calendar as it was before this load: the year's previous version, or none (then that year was provisional). */
async function calendarBefore(deps: Pick<RecomputeDependencies, 'notices'>, request: z.infer<typeof tenantRecomputeMessage>): Promise<WorkingCalendar> {
  const current = await deps.notices.current();
  const others = current.filter((stored) => stored.notice.year !== request.year).map((stored) => stored.notice);
  const previous =
    request.previousVersion === null ? undefined : (await deps.notices.versions(request.year)).find((stored) => stored.version === request.previousVersion);
  return nationalCalendarFrom([...others, ...(previous ? [previous.notice] : [])].sort((a, b) => a.year - b.year));
}

export interface TenantRecomputeSummary {
  readonly tenantId: string;
  readonly casesExamined: number;
  readonly changes: number;
  readonly waitsRescheduled: number;
}

/**
 * Primary course: one county recomputes, on its own calendar (national days plus its closures), every
 * open deadline the loaded notice touches: notice windows, promised deadlines, department stage and 督办
 * deadlines, delivery deadlines and rectification deadlines. Each change is stored with a
 * `DeadlineRecomputed` event (the timeline, the audit trail, the notices to applicant and handler
 * follow from it), and a department whose wait depends on a moved deadline has that wait recomputed.
 * Finished cases are left alone. Running it again changes nothing.
 */
export async function recomputeTenantDeadlines(deps: RecomputeDependencies, request: z.infer<typeof tenantRecomputeMessage>): Promise<TenantRecomputeSummary> {
  const profile = await deps.tenants.profile(request.tenantId);
  if (!profile) return { tenantId: request.tenantId, casesExamined: 0, changes: 0, waitsRescheduled: 0 };
  const [before, after] = await Promise.all([calendarBefore(deps, request), deps.calendar.fresh()]);
  const now = deps.clock.now();
  const basis: RecomputeBasis = {
    before: tenantCalendar(profile, before),
    after: tenantCalendar(profile, after),
    now: now.toISOString(),
    year: request.year,
    noticeVersion: request.version,
  };
  const since = new Date(now.getTime() - DELIVERY_LOOKBACK_DAYS * 86_400_000).toISOString();
  const open = (
    await Promise.all([
      deps.cases.listInStatus(request.tenantId, 'submitted'),
      deps.cases.listInStatus(request.tenantId, 'accepted'),
      deps.cases.listInStatus(request.tenantId, 'in_approval'),
      deps.cases.listInStatus(request.tenantId, 'completed', since),
    ])
  ).flat();
  let changes = 0;
  let waitsRescheduled = 0;
  for (const current of open) {
    const outcome = await recomputeCase(deps, current, basis, request.noticeEventId);
    changes += outcome.changes;
    waitsRescheduled += outcome.waitsRescheduled;
  }
  changes += await recomputeRectifications(deps, request.tenantId, basis);
  return { tenantId: request.tenantId, casesExamined: open.length, changes, waitsRescheduled };
}

const caseEvent = (
  deps: Pick<RecomputeDependencies, 'ids'>,
  caseId: string,
  change: DeadlineChange,
  at: string,
  extra: Record<string, unknown> = {},
  eventId = deps.ids.next(),
): CaseEvent => ({
  eventId,
  caseId,
  type: 'DeadlineRecomputed',
  at,
  actor: 'system',
  detail: { ...change, ...extra },
});

async function recomputeCase(
  deps: RecomputeDependencies,
  current: Case,
  basis: RecomputeBasis,
  noticeEventId: string,
): Promise<{ changes: number; waitsRescheduled: number }> {
  let changes = 0;
  let waitsRescheduled = 0;
  if (current.status === 'accepted' || current.status === 'in_approval') {
    const tasks = await deps.tasks.findMany(
      current.tenantId,
      current.tasks.map((task) => task.taskId),
    );
    for (const task of tasks) {
      const moved = await recomputeTask(deps, task, basis);
      changes += moved.changes;
      if (moved.rescheduled) waitsRescheduled++;
    }
  }
  if (current.status === 'completed') {
    const release = await deps.releases.find(current.tenantId, current.caseId);
    const [change] = caseDeadlineChanges(current, basis, { storedDeadline: release?.deadline ?? null, delivered: release?.status === 'delivered' });
    if (!change) return { changes, waitsRescheduled };
    if (release) {
      await deps.releases.save(
        { ...release, deadline: change.after, revision: release.revision + 1 },
        { ...caseEvent(deps, current.caseId, change, basis.now), type: 'DeadlineRecomputed' },
      );
    } else {
      // nothing stored yet (the applicant has not chosen how to receive it): the deadline is counted on read, the event
      // id is fixed per notice load so a redelivered request does not tell the applicant twice
      await deps.cases.appendEvent(current.tenantId, caseEvent(deps, current.caseId, change, basis.now, {}, `${noticeEventId}-${current.caseId}-delivery`));
    }
    return { changes: changes + 1, waitsRescheduled };
  }
  const caseChanges = caseDeadlineChanges(current, basis);
  if (caseChanges.length > 0) {
    await deps.cases.save(
      withRecomputedCaseDeadlines(current, caseChanges, basis.now),
      caseChanges.map((change) => caseEvent(deps, current.caseId, change, basis.now)),
    );
  }
  return { changes: changes + caseChanges.length, waitsRescheduled };
}

/** A moved stage or 督办 deadline is stored, and the department's wait is ended so the workflow counts it again. */
async function recomputeTask(deps: RecomputeDependencies, task: DepartmentTask, basis: RecomputeBasis): Promise<{ changes: number; rescheduled: boolean }> {
  const { task: next, changes } = taskDeadlineChanges(task, basis);
  if (changes.length === 0) return { changes: 0, rescheduled: false };
  const about = { taskId: task.taskId, deptId: task.deptId, ...(task.claimedBy ? { claimedBy: task.claimedBy } : {}) };
  const [first, ...rest] = changes.map((change) => caseEvent(deps, task.caseId, change, basis.now, about));
  await deps.tasks.save(next, task.status, first as CaseEvent);
  for (const event of rest) await deps.cases.appendEvent(task.tenantId, event);
  const stored = await deps.tasks.find(task.tenantId, task.taskId);
  // a suspended stage waits a day at a time and is woken by its resume; a pending one waits for its next light change
  if (next.status !== 'pending' || !stored?.callbackToken) return { changes: changes.length, rescheduled: false };
  const delivery = await deps.callback.succeed(stored.callbackToken, { outcome: 'rescheduled', taskId: task.taskId });
  return { changes: changes.length, rescheduled: delivery === 'delivered' };
}

/** Every entry of the ledger in one status, page by page: a recomputation leaves none on its old deadline. */
async function allRectifications(deps: RecomputeDependencies, tenantId: string, status: (typeof OPEN_RECTIFICATION_STATUSES)[number]) {
  const entries: Rectification[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.reviews.pageRectifications(tenantId, status, { limit: RECTIFICATION_PAGE, ...(cursor ? { cursor } : {}) });
    entries.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return entries;
}

async function recomputeRectifications(deps: RecomputeDependencies, tenantId: string, basis: RecomputeBasis): Promise<number> {
  const entries = (await Promise.all(OPEN_RECTIFICATION_STATUSES.map((status) => allRectifications(deps, tenantId, status)))).flat();
  let changes = 0;
  for (const entry of entries) {
    const change = rectificationDeadlineChange(entry, basis);
    if (!change || !change.after) continue;
    const event: ReviewEvent = {
      eventId: deps.ids.next(),
      type: 'DeadlineRecomputed',
      at: basis.now,
      actor: 'system',
      role: 'system',
      rectificationId: entry.rectificationId,
      ...(entry.source.caseId ? { caseId: entry.source.caseId } : {}),
      detail: { ...change, ownerDeptId: entry.ownerDeptId },
    };
    await deps.reviews.saveRectification({ ...entry, deadline: change.after, revision: entry.revision + 1 }, [event]);
    changes++;
  }
  return changes;
}
