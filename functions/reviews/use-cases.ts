import { z } from 'zod';
import type { WorkingCalendar } from '../domain/calendar';
import { PROVISIONAL_NOTE } from '../domain/provisional-note';
import type { ItemCatalogue, TenantDirectory, TenantProfile } from '../catalogue/domain/service-item';
import { reviewTouchpoints } from '../kernel/case-vocabulary';
import type { Case } from '../intake/domain/case';
import type { CaseRepository } from '../intake/domain/ports';
import { type NationalCalendarSource, tenantCalendar } from '../kernel/calendar-access';
import type { ReviewEvent } from '../kernel/events/review-events';
import { caseIdSchema, ulidSchema } from '../kernel/ids';
import { authorize, authorizeRole } from '../kernel/permissions';
import { actorOf, ownershipOf } from '../kernel/principal';
import { notFound, NotFoundError, ValidationError } from '../shared/errors';
import type { RequestContext } from '../shared/request-context';
import type { Clock, IdGenerator } from '../shared/runtime';
import type { ReviewStore } from './domain/ports';
import {
  openRectification,
  type Rectification,
  type RectificationSource,
  rectificationLight,
  rectificationStatusLabel,
  rectificationSteps,
  recordStep,
  isClosed,
} from './domain/rectification';
import { checkReviewAllowed, handlersOf, refuseStaff, isBadReview, type Review, reviewChannels, reviewLevels, type ReviewLinks } from './domain/review';

export interface ReviewDependencies {
  readonly cases: Pick<CaseRepository, 'find' | 'timeline'>;
  readonly catalogue: Pick<ItemCatalogue, 'itemVersion'>;
  readonly tenants: Pick<TenantDirectory, 'profile'>;
  readonly reviews: ReviewStore;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly calendar: NationalCalendarSource;
}

/** The tenant's working-day calendar as loaded now (national notices plus its local closures). */
const calendarOf = async (deps: Pick<ReviewDependencies, 'calendar'>, profile: TenantProfile) => tenantCalendar(profile, await deps.calendar.current());

export const caseIdPath = z.object({ caseId: caseIdSchema });
export const rectificationIdPath = z.object({ rectificationId: ulidSchema });

/** The applicant is who signed in (the citizen token); nothing in the body says who rates. */
export const reviewBody = z.object({
  touchpoint: z.enum(reviewTouchpoints),
  level: z.enum(reviewLevels),
  comment: z.string().trim().min(1).max(500).optional(),
  tags: z
    .array(z.string().trim().min(1).max(20))
    .max(10)
    .default(() => []),
  channel: z.enum(reviewChannels),
});

export const complaintBody = z
  .object({
    caseId: z.string().min(1).max(64).optional(),
    deptId: z
      .string()
      .regex(/^[A-Z0-9_-]{1,32}$/)
      .optional(),
    channel: z.enum(reviewChannels),
    content: z.string().trim().min(5).max(2000),
    /** For the call-back (回访); stored on the entry only, never in events or logs. */
    contact: z.object({ name: z.string().trim().min(1).max(50), phone: z.string().regex(/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/) }).optional(),
  })
  .refine((body) => body.caseId !== undefined || body.deptId !== undefined, { message: '须指明办件或部门 / caseId or deptId is required', path: ['deptId'] });

export const stepBody = z.object({
  step: z.enum(rectificationSteps),
  note: z.string().trim().min(1).max(1000),
  satisfaction: z.enum(reviewLevels).optional(),
  explanation: z.string().trim().min(1).max(2000).optional(),
});

export const ledgerQuery = z.object({
  status: z.enum(['open', 'verified', 'rectified', 'called_back', 'closed', 'closed_unfixable']).optional(),
  light: z.enum(['green', 'yellow', 'red']).optional(),
  deptId: z
    .string()
    .regex(/^[A-Z0-9_-]{1,32}$/)
    .optional(),
  /** The previous answer's `nextCursor`, as it came. */
  cursor: z.string().max(2048).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});

async function loadCase(deps: Pick<ReviewDependencies, 'cases'>, ctx: RequestContext, caseId: string): Promise<Case> {
  const found = await deps.cases.find(ctx.tenantId, caseId);
  if (!found) throw notFound.case(caseId);
  return found;
}

async function profileOf(deps: Pick<ReviewDependencies, 'tenants'>, tenantId: string) {
  const profile = await deps.tenants.profile(tenantId);
  if (!profile) throw notFound.tenant(tenantId);
  return profile;
}

/** Item, departments, window and handlers of the case: the review is about them. */
async function linksOf(deps: Pick<ReviewDependencies, 'cases' | 'catalogue'>, current: Case): Promise<ReviewLinks & { leadDeptId?: string }> {
  const [timeline, item] = await Promise.all([
    deps.cases.timeline(current.tenantId, current.caseId),
    deps.catalogue.itemVersion(current.tenantId, current.itemCode, current.itemVersion),
  ]);
  const departments = current.tasks.length > 0 ? current.tasks.map((task) => task.deptId) : (item?.departments ?? []).map((department) => department.deptId);
  const lead = current.tasks.find((task) => task.lead)?.deptId ?? item?.departments.find((department) => department.lead)?.deptId ?? departments[0];
  return {
    itemCode: current.itemCode,
    itemName: current.itemName,
    departments: [...new Set(departments)],
    ...(current.window ? { windowId: current.window.windowId, clerk: current.window.clerk } : {}),
    handlers: handlersOf(timeline),
    ...(lead ? { leadDeptId: lead } : {}),
  };
}

const event = (deps: Pick<ReviewDependencies, 'ids'>, fields: Omit<ReviewEvent, 'eventId'>): ReviewEvent => ({ eventId: deps.ids.next(), ...fields });

/**
 * Primary course: the applicant rates a touchpoint of their case once (一事一评). The review is linked
 * to the item, departments, window and handlers; a bad one opens a rectification entry owned by the
 * lead department, all in one transaction.
 */
export async function submitReview(deps: ReviewDependencies, ctx: RequestContext, caseId: string, body: z.infer<typeof reviewBody>) {
  refuseStaff(ctx.staff);
  authorizeRole(ctx.principal, 'review.submit');
  const current = await loadCase(deps, ctx, caseId);
  authorize(ctx.principal, 'review.submit', { caseId, owner: ownershipOf(current) });
  const profile = await profileOf(deps, ctx.tenantId);
  checkReviewAllowed({
    touchpoint: body.touchpoint,
    // a profile stored before touchpoints were configurable has none: the defaults apply
    openTouchpoints: profile.reviews.touchpoints ?? ['acceptance', 'completion'],
    progress: { status: current.status, ...(current.acceptedAt ? { acceptedAt: current.acceptedAt } : {}) },
  });
  const now = deps.clock.now().toISOString();
  const { leadDeptId, ...links } = await linksOf(deps, current);
  const reviewId = deps.ids.next();
  const bad = isBadReview(body.level);
  const rectificationId = bad ? deps.ids.next() : undefined;
  const review: Review = {
    tenantId: ctx.tenantId,
    reviewId,
    caseId,
    touchpoint: body.touchpoint,
    level: body.level,
    ...(body.comment ? { comment: body.comment } : {}),
    tags: body.tags,
    channel: body.channel,
    submittedAt: now,
    links,
    ...(rectificationId ? { rectificationId } : {}),
  };
  const events: ReviewEvent[] = [
    event(deps, {
      type: 'ReviewSubmitted',
      at: now,
      actor: 'applicant',
      role: 'applicant',
      caseId,
      ...(rectificationId ? { rectificationId } : {}),
      detail: { reviewId, touchpoint: review.touchpoint, level: review.level, channel: review.channel, tags: review.tags, ...links },
    }),
  ];
  let opened: Rectification | undefined;
  if (rectificationId) {
    const source: RectificationSource = { kind: 'review', reviewId, caseId, touchpoint: review.touchpoint, level: review.level, itemCode: current.itemCode };
    opened = openRectification(
      { tenantId: ctx.tenantId, rectificationId, source, ownerDeptId: leadDeptId ?? 'ZWZX', openedAt: now, limitDays: profile.reviews.rectificationDays },
      await calendarOf(deps, profile),
    );
    events.push(openedEvent(deps, opened));
  }
  await deps.reviews.saveReview(review, events, opened);
  return reviewReply(review, opened);
}

const reviewReply = (review: Review, opened: Rectification | undefined) => ({
  reviewId: review.reviewId,
  caseId: review.caseId,
  touchpoint: review.touchpoint,
  level: review.level,
  links: review.links,
  ...(opened ? { rectification: { rectificationId: opened.rectificationId, deadline: opened.deadline, ownerDeptId: opened.ownerDeptId } } : {}),
});

/** The reply to a retried review whose first call stored it and died before answering: the stored review and the entry it opened. */
export async function replayReview(deps: ReviewDependencies, ctx: RequestContext, caseId: string, touchpoint: Review['touchpoint']) {
  authorizeRole(ctx.principal, 'review.submit');
  const review = (await deps.reviews.reviewsOfCase(ctx.tenantId, caseId)).find((candidate) => candidate.touchpoint === touchpoint);
  if (!review) throw notFound.case(caseId);
  return reviewReply(review, review.rectificationId ? await findEntry(deps, ctx, review.rectificationId) : undefined);
}

const openedEvent = (deps: Pick<ReviewDependencies, 'ids'>, entry: Rectification): ReviewEvent =>
  event(deps, {
    type: 'RectificationOpened',
    at: entry.openedAt,
    actor: 'system',
    role: 'system',
    ...(entry.source.caseId ? { caseId: entry.source.caseId } : {}),
    rectificationId: entry.rectificationId,
    detail: {
      source: entry.source.kind,
      ownerDeptId: entry.ownerDeptId,
      deadline: entry.deadline,
      limitDays: entry.limitDays,
      ...(entry.source.itemCode ? { itemCode: entry.source.itemCode } : {}),
      ...(entry.source.kind === 'review' ? { level: entry.source.level, reviewId: entry.source.reviewId } : {}),
    },
  });

/** The reviews of a case, for its applicant: their own ratings and comments, without the names of staff. */
export async function listReviews(deps: Pick<ReviewDependencies, 'cases' | 'reviews'>, ctx: RequestContext, caseId: string) {
  authorizeRole(ctx.principal, 'review.read');
  authorize(ctx.principal, 'review.read', { caseId, owner: ownershipOf(await loadCase(deps, ctx, caseId)) });
  const reviews = await deps.reviews.reviewsOfCase(ctx.tenantId, caseId);
  return {
    caseId,
    reviews: reviews.map(({ tenantId: _tenant, comment, links, ...rest }) => ({
      ...rest,
      links: { itemCode: links.itemCode, itemName: links.itemName, departments: links.departments },
      ...(comment ? { comment } : {}),
    })),
  };
}

/** Primary course: a complaint (投诉) from anyone opens a rectification entry owned by the named department or the case's lead department. */
export async function fileComplaint(deps: ReviewDependencies, ctx: RequestContext, body: z.infer<typeof complaintBody>) {
  const profile = await profileOf(deps, ctx.tenantId);
  let ownerDeptId = body.deptId;
  let itemCode: string | undefined;
  if (body.caseId) {
    const current = await loadCase(deps, ctx, body.caseId);
    const links = await linksOf(deps, current);
    ownerDeptId ??= links.leadDeptId;
    itemCode = current.itemCode;
  }
  if (!ownerDeptId || !profile.departments.some((department) => department.deptId === ownerDeptId)) {
    throw new ValidationError(
      `部门不存在：${ownerDeptId ?? ''}`,
      `Unknown department: ${ownerDeptId ?? ''}`,
      [{ path: 'body.deptId', message: 'unknown department' }],
      'UNKNOWN_DEPARTMENT',
    );
  }
  const now = deps.clock.now().toISOString();
  const rectificationId = deps.ids.next();
  const source: RectificationSource = {
    kind: 'complaint',
    channel: body.channel,
    content: body.content,
    ...(body.caseId ? { caseId: body.caseId } : {}),
    ...(itemCode ? { itemCode } : {}),
  };
  const entry = {
    ...openRectification(
      { tenantId: ctx.tenantId, rectificationId, source, ownerDeptId, openedAt: now, limitDays: profile.reviews.rectificationDays },
      await calendarOf(deps, profile),
    ),
    ...(body.contact ? { contact: body.contact } : {}),
  };
  const actor = actorOf(ctx.principal);
  const filed = event(deps, {
    type: 'ComplaintFiled',
    at: now,
    ...actor,
    ...(body.caseId ? { caseId: body.caseId } : {}),
    rectificationId,
    detail: { channel: body.channel, ownerDeptId },
  });
  await deps.reviews.openRectification(entry, [filed, openedEvent(deps, entry)]);
  return complaintReply(entry);
}

const complaintReply = (entry: Rectification) => ({
  rectificationId: entry.rectificationId,
  ownerDeptId: entry.ownerDeptId,
  deadline: entry.deadline,
  status: entry.status,
});

/** The reply to a retried complaint whose first call opened its entry and died before answering. */
export async function replayComplaint(deps: ReviewDependencies, ctx: RequestContext, rectificationId: string) {
  return complaintReply(await findEntry(deps, ctx, rectificationId));
}

function ledgerView(entry: Rectification, now: string, calendar: WorkingCalendar, yellowThreshold: number) {
  const { tenantId: _tenant, ...rest } = entry as Rectification & { contact?: unknown };
  const { contact: _contact, ...visible } = rest as typeof rest & { contact?: unknown };
  const provisional = calendar.countsProvisionalDay(entry.openedAt, entry.deadline);
  return {
    ...visible,
    statusLabel: rectificationStatusLabel(entry.status),
    ...rectificationLight(entry, now, calendar, yellowThreshold),
    provisional,
    ...(provisional ? { provisionalNote: PROVISIONAL_NOTE } : {}),
  };
}

const findEntry = async (deps: Pick<ReviewDependencies, 'reviews'>, ctx: RequestContext, rectificationId: string): Promise<Rectification> => {
  const entry = await deps.reviews.findRectification(ctx.tenantId, rectificationId);
  if (!entry) throw new NotFoundError({ zh: '整改事项', en: 'Rectification entry', code: 'RECTIFICATION_NOT_FOUND' }, rectificationId);
  return entry;
};

/** One step of the ledger by a named member of staff, with the before/after status in its event. */
export async function recordRectificationStep(deps: ReviewDependencies, ctx: RequestContext, rectificationId: string, body: z.infer<typeof stepBody>) {
  authorizeRole(ctx.principal, 'rectification.record-step');
  const entry = await findEntry(deps, ctx, rectificationId);
  authorize(ctx.principal, 'rectification.record-step', { deptIds: [entry.ownerDeptId] });
  const staff = ctx.staff as NonNullable<RequestContext['staff']>;
  const now = deps.clock.now().toISOString();
  const next = recordStep(entry, body, staff, now);
  const fields = { at: now, actor: staff.staffId, role: staff.role, ...(entry.source.caseId ? { caseId: entry.source.caseId } : {}), rectificationId };
  const events = [
    event(deps, {
      type: 'RectificationStepRecorded',
      ...fields,
      detail: {
        step: body.step,
        before: entry.status,
        after: next.status,
        ownerDeptId: entry.ownerDeptId,
        ...(body.satisfaction ? { satisfaction: body.satisfaction } : {}),
      },
    }),
    ...(isClosed(next.status)
      ? [
          event(deps, {
            type: 'RectificationClosed',
            ...fields,
            detail: { outcome: next.status, ownerDeptId: entry.ownerDeptId, deadline: entry.deadline, openedAt: entry.openedAt },
          }),
        ]
      : []),
  ];
  await deps.reviews.saveRectification(next, events);
  const profile = await profileOf(deps, ctx.tenantId);
  return ledgerView(next, now, await calendarOf(deps, profile), profile.supervision.yellowThresholdDays);
}

export async function getRectification(deps: ReviewDependencies, ctx: RequestContext, rectificationId: string) {
  authorizeRole(ctx.principal, 'rectification.read');
  const entry = await findEntry(deps, ctx, rectificationId);
  authorize(ctx.principal, 'rectification.read', { deptIds: [entry.ownerDeptId] });
  const profile = await profileOf(deps, ctx.tenantId);
  return ledgerView(entry, deps.clock.now().toISOString(), await calendarOf(deps, profile), profile.supervision.yellowThresholdDays);
}

/** The ledger by deadline, filtered by status, light and department; a department's staff see their own department. */
export async function listRectifications(deps: ReviewDependencies, ctx: RequestContext, query: z.infer<typeof ledgerQuery>) {
  // a department's staff see their own department's entries; the supervision office and admins read them all
  const ownDepartment = ctx.staff?.role === 'handler' || ctx.staff?.role === 'department_head';
  const deptId = ownDepartment ? ctx.staff?.deptId : query.deptId;
  authorize(ctx.principal, 'rectification.read', { deptIds: deptId ? [deptId] : [] });
  const profile = await profileOf(deps, ctx.tenantId);
  const calendar = await calendarOf(deps, profile);
  const now = deps.clock.now().toISOString();
  const page = await deps.reviews.pageRectifications(ctx.tenantId, query.status, { limit: query.limit, ...(query.cursor ? { cursor: query.cursor } : {}) });
  const views = page.items
    .filter((entry) => !deptId || entry.ownerDeptId === deptId)
    .map((entry) => ledgerView(entry, now, calendar, profile.supervision.yellowThresholdDays))
    .filter((view) => !query.light || view.light === query.light);
  return { rectifications: views, ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
}
