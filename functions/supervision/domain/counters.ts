import { type WorkingCalendar, shanghaiDate, endOfShanghaiDay, CalendarNotAvailable, epochMillis, startOfShanghaiDayMillis } from '../../domain/calendar';
import { deadlineRecomputedDetailSchema } from '../../kernel/events/case-events';
import { rectificationDeadlineRecomputedDetailSchema } from '../../kernel/events/review-events';
import { NOW, periodsOf } from './periods';

/**
 * Supervision counters as a projection of events, pure. Each subject (a case, a review, a rectification
 * entry) keeps the facts its events told so far; what a subject adds to the counters is a function of
 * its facts alone (`contributionOf`). Applying an event is: new facts, then the difference of the two
 * contributions. Events may therefore arrive in any order (SNS to SQS keeps none), and the same
 * difference is never applied twice because each event is applied once (marker per eventId).
 */
export interface TaskFacts {
  readonly deptId: string;
  readonly stageDeadline?: string;
  readonly decidedAt?: string;
  readonly staffId?: string;
  /** 督办: when the task was escalated, and to which level (DepartmentTaskEscalated). */
  readonly escalations?: Readonly<Record<string, string>>;
}

/**
 * The latest `DeadlineRecomputed` of a subject's deadline: a loaded holiday notice moved it to `after`
 * (null: no longer countable). Kept as a fact, so the effective deadline is derived from it whatever
 * order the subject's events arrive in; the latest load wins.
 */
export interface RecomputedDeadline {
  readonly at: string;
  readonly year: number;
  readonly noticeVersion: number;
  readonly after: string | null;
}

export interface CaseFacts {
  readonly kind: 'case';
  readonly itemCode?: string;
  readonly promisedDays?: number;
  readonly acceptedAt?: string;
  readonly finishedAt?: string;
  readonly outcome?: 'completed' | 'denied';
  readonly refusedAt?: string;
  readonly suspends: readonly string[];
  readonly resumes: readonly string[];
  readonly tasks: Readonly<Record<string, TaskFacts>>;
  /** The promised deadline as the latest holiday notice load recomputed it (field `promisedDeadline`). */
  readonly recomputedDeadline?: RecomputedDeadline;
  /** Derived with the tenant calendar whenever the facts change. */
  readonly deadline?: string;
  readonly yellowFrom?: string;
  readonly handlingDays?: number;
}

export interface ReviewFacts {
  readonly kind: 'review';
  readonly at: string;
  readonly level: string;
  readonly itemCode?: string;
  readonly departments: readonly string[];
  readonly handlers: readonly string[];
}

export interface RectificationFacts {
  readonly kind: 'rectification';
  readonly ownerDeptId?: string;
  readonly source?: string;
  readonly openedAt?: string;
  readonly limitDays?: number;
  readonly deadline?: string;
  readonly yellowFrom?: string;
  readonly closedAt?: string;
  readonly outcome?: string;
  readonly recomputedDeadline?: RecomputedDeadline;
}

export type SubjectFacts = CaseFacts | ReviewFacts | RectificationFacts;

/** An event as relayed on the topic; unknown types are tolerated (they change no counter). */
export interface RelayedEvent {
  readonly eventId: string;
  readonly tenantId: string;
  readonly type: string;
  readonly at: string;
  readonly actor: string;
  readonly role?: string;
  readonly caseId?: string;
  readonly rectificationId?: string;
  readonly detail: Readonly<Record<string, unknown>>;
}

/** What the projection needs besides the event: the tenant calendar and, for case events, the case's item. */
export interface ProjectionContext {
  readonly calendar: WorkingCalendar;
  readonly yellowThreshold: number;
  readonly caseInfo?: { readonly itemCode: string; readonly promisedDays: number };
}

/** Counter rows: `TOTAL`, `DEPT#<id>`, `ITEM#<code>`, `STAFF#<id>`; only TOTAL and ITEM roll up to city and province. */
export interface CounterIncrement {
  readonly period: string;
  readonly row: string;
  readonly field: string;
  readonly by: number;
}

export const levelFields: Readonly<Record<string, string>> = { 非常满意: 'veryGood', 满意: 'good', 基本满意: 'fair', 不满意: 'poor', 非常不满意: 'veryPoor' };
const satisfiedLevels = new Set(['非常满意', '满意', '基本满意']);

/** Which subject an event is about, or undefined when it counts for nothing (it is still audited). */
export function subjectOf(event: RelayedEvent): string | undefined {
  if (event.type === 'DeadlineRecomputed') return recomputedSubjectOf(event);
  if (event.type === 'ReviewSubmitted') return typeof event.detail.reviewId === 'string' ? `REVIEW#${event.detail.reviewId}` : undefined;
  if (event.type === 'RectificationOpened' || event.type === 'RectificationClosed') return event.rectificationId ? `RECT#${event.rectificationId}` : undefined;
  if (event.caseId && /^(Case|DepartmentTask)/.test(event.type)) return `CASE#${event.caseId}`;
  return undefined;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.length > 0 ? value : undefined);
const texts = (value: unknown): string[] => (Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : []);

/**
 * Only the deadlines the counters hold follow a recomputation: a case's promised deadline (the open-case
 * gauge) and a ledger entry's deadline (the open-entry gauge). Stage, notice and delivery deadlines of
 * a recomputation are audited only.
 */
function recomputedSubjectOf(event: RelayedEvent): string | undefined {
  if (event.detail.subject === 'rectification') return event.rectificationId ? `RECT#${event.rectificationId}` : undefined;
  if (event.detail.subject === 'case' && event.detail.field === 'promisedDeadline' && event.caseId) return `CASE#${event.caseId}`;
  return undefined;
}

/** The recomputation an event tells, or undefined when its detail breaks the contract (the event is still audited). */
function recomputationOf(event: RelayedEvent): RecomputedDeadline | undefined {
  const schema = event.detail.subject === 'rectification' ? rectificationDeadlineRecomputedDetailSchema : deadlineRecomputedDetailSchema;
  const parsed = schema.safeParse(event.detail);
  return parsed.success ? { at: event.at, year: parsed.data.year, noticeVersion: parsed.data.noticeVersion, after: parsed.data.after } : undefined;
}

/** The later of two recomputations: by the time of the load, then by notice version (a correction of the same moment). */
function latest(kept: RecomputedDeadline | undefined, candidate: RecomputedDeadline): RecomputedDeadline {
  if (!kept) return candidate;
  const [keptAt, candidateAt] = [epochMillis(kept.at), epochMillis(candidate.at)];
  return candidateAt > keptAt || (candidateAt === keptAt && candidate.noticeVersion > kept.noticeVersion) ? candidate : kept;
}

const emptyCase: CaseFacts = { kind: 'case', suspends: [], resumes: [], tasks: {} };

function withTask(facts: CaseFacts, taskId: string | undefined, change: (task: TaskFacts | undefined) => TaskFacts): CaseFacts {
  if (!taskId) return facts;
  return { ...facts, tasks: { ...facts.tasks, [taskId]: change(facts.tasks[taskId]) } };
}

/** The facts after one event; an event the projection does not know leaves them as they were. */
export function applyEvent(previous: SubjectFacts | undefined, event: RelayedEvent, context: ProjectionContext): SubjectFacts | undefined {
  const detail = event.detail;
  if (event.type === 'ReviewSubmitted') {
    return {
      kind: 'review',
      at: event.at,
      level: String(detail.level),
      ...(text(detail.itemCode) ? { itemCode: text(detail.itemCode) } : {}),
      departments: texts(detail.departments),
      handlers: texts(detail.handlers),
    };
  }
  const recomputation = event.type === 'DeadlineRecomputed' ? recomputationOf(event) : undefined;
  if (event.type === 'DeadlineRecomputed' && !recomputation) return previous;
  if (event.type === 'RectificationOpened' || event.type === 'RectificationClosed' || (recomputation && detail.subject === 'rectification')) {
    const facts: RectificationFacts = previous?.kind === 'rectification' ? previous : { kind: 'rectification' };
    const next: RectificationFacts =
      event.type === 'RectificationOpened'
        ? {
            ...facts,
            ownerDeptId: text(detail.ownerDeptId),
            source: text(detail.source),
            openedAt: event.at,
            limitDays: Number(detail.limitDays),
            deadline: text(detail.deadline),
          }
        : event.type === 'RectificationClosed'
          ? { ...facts, closedAt: event.at, outcome: text(detail.outcome), ownerDeptId: facts.ownerDeptId ?? text(detail.ownerDeptId) }
          : {
              ...facts,
              ownerDeptId: facts.ownerDeptId ?? text(detail.ownerDeptId),
              recomputedDeadline: latest(facts.recomputedDeadline, recomputation as RecomputedDeadline),
            };
    return withRectificationClock(next, context);
  }
  const facts: CaseFacts = { ...(previous?.kind === 'case' ? previous : emptyCase), ...(context.caseInfo ?? {}) };
  const taskId = text(detail.taskId);
  let next: CaseFacts;
  switch (event.type) {
    case 'CaseSubmitted':
      next = { ...facts, itemCode: facts.itemCode ?? text(detail.itemCode) };
      break;
    case 'CaseAccepted':
    case 'CaseDeemedAccepted':
      next = { ...facts, acceptedAt: text(detail.acceptedAt) ?? event.at };
      break;
    case 'CaseCompleted':
    case 'CaseDenied':
      next = { ...facts, finishedAt: event.at, outcome: event.type === 'CaseCompleted' ? 'completed' : 'denied' };
      break;
    case 'CaseRejected':
    case 'CaseReturned':
      next = { ...facts, refusedAt: event.at };
      break;
    case 'DepartmentTaskAssigned':
    case 'DepartmentTaskReissued':
      next = withTask(facts, taskId, (task) => ({
        ...task,
        deptId: task?.deptId ?? String(detail.deptId),
        ...(text(detail.stageDeadline) ? { stageDeadline: text(detail.stageDeadline) } : {}),
      }));
      break;
    case 'DepartmentTaskReassigned':
      next = withTask(facts, taskId, (task) => ({ ...task, deptId: text(detail.toDeptId) ?? task?.deptId ?? String(detail.deptId) }));
      break;
    case 'DepartmentTaskClaimed':
      next = withTask(facts, taskId, (task) => ({
        ...task,
        deptId: task?.deptId ?? String(detail.deptId),
        ...(text(detail.staffId) ? { staffId: text(detail.staffId) } : {}),
      }));
      break;
    case 'DepartmentTaskDecided':
      next = withTask(facts, taskId, (task) => ({
        ...task,
        deptId: task?.deptId ?? String(detail.deptId),
        decidedAt: event.at,
        ...((text(detail.staffId) ?? task?.staffId) ? { staffId: text(detail.staffId) ?? task?.staffId } : {}),
      }));
      break;
    case 'DepartmentTaskEscalated':
      next = withTask(facts, taskId, (task) => ({
        ...task,
        deptId: task?.deptId ?? String(detail.deptId),
        // the rung (1 黄灯提醒, 2+ 督办) as the event numbers it; the light only where an event carries no level
        escalations: {
          ...task?.escalations,
          [event.at]: typeof detail.level === 'number' ? String(detail.level) : (text(detail.level) ?? text(detail.light) ?? 'unknown'),
        },
      }));
      break;
    case 'DepartmentTaskSuspended':
      next = { ...facts, suspends: [...facts.suspends, event.at] };
      break;
    case 'DepartmentTaskResumed':
      next = { ...facts, resumes: [...facts.resumes, event.at] };
      break;
    case 'DeadlineRecomputed':
      next = recomputation ? { ...facts, recomputedDeadline: latest(facts.recomputedDeadline, recomputation) } : facts;
      break;
    default:
      next = facts;
  }
  return withCaseClock(next, context);
}

/** Suspensions paired in time order: the i-th suspension ends at the i-th resumption, or is still open. */
function suspensionsOf(facts: CaseFacts): [string, string | undefined][] {
  const starts = [...facts.suspends].sort();
  const ends = [...facts.resumes].sort();
  return starts.map((from, index) => [from, ends[index]]);
}

const isSuspended = (facts: CaseFacts): boolean => facts.suspends.length > facts.resumes.length;

/** The first Shanghai date on which fewer than `threshold` working days remain: the light turns yellow. */
function yellowFromDate(
  startedAt: string,
  limitDays: number,
  threshold: number,
  calendar: WorkingCalendar,
  suspensions: readonly (readonly [string, string])[] = [],
): string {
  return limitDays - threshold >= 1 ? shanghaiDate(calendar.addWorkingDays(startedAt, limitDays - threshold, suspensions)) : shanghaiDate(startedAt);
}

const DAY_MS = 86_400_000;

/**
 * The yellow date counted back from a known deadline: the working day before the last `threshold`
 * working days, never before the start. Equal to {@link yellowFromDate} when no suspension lies in those days.
 */
function yellowFromDeadline(deadline: string, startedAt: string, limitDays: number, threshold: number, calendar: WorkingCalendar): string {
  const start = shanghaiDate(startedAt);
  if (limitDays - threshold < 1) return start;
  const dateOf = (millis: number) => shanghaiDate(new Date(millis).toISOString());
  let day = startOfShanghaiDayMillis(shanghaiDate(deadline));
  for (let counted = 0; counted < threshold; day -= DAY_MS) if (calendar.isWorkingDay(dateOf(day))) counted += 1;
  while (!calendar.isWorkingDay(dateOf(day))) day -= DAY_MS;
  return dateOf(day) < start ? start : dateOf(day);
}

const countedOrNull = (count: () => string): string | null => {
  try {
    return count();
  } catch (error) {
    if (error instanceof CalendarNotAvailable) return null;
    throw error;
  }
};

/**
 * The promised deadline and its yellow date, counted on this process's calendar. After a holiday notice
 * recomputed the deadline, that calendar may not know the notice yet (it is cached for up to a minute,
 * and the recomputation arrives within seconds of the load): while it still counts the promise
 * differently, the event's date stands, moved on by the working days the closed suspensions add (the
 * event's date, like the case's own promised deadline, is counted without them).
 */
function promisedClock(
  facts: CaseFacts,
  acceptedAt: string,
  promisedDays: number,
  closed: readonly (readonly [string, string])[],
  context: ProjectionContext,
): { deadline?: string; yellowFrom?: string } {
  const { calendar, yellowThreshold } = context;
  const counted = () => ({
    deadline: calendar.addWorkingDays(acceptedAt, promisedDays, closed),
    yellowFrom: yellowFromDate(acceptedAt, promisedDays, yellowThreshold, calendar, closed),
  });
  const recomputed = facts.recomputedDeadline;
  if (!recomputed) return counted();
  const base = countedOrNull(() => calendar.addWorkingDays(acceptedAt, promisedDays));
  if (base === recomputed.after) return counted();
  if (recomputed.after === null) return {};
  // a base this calendar cannot count tells nothing about the suspensions: the event's date is all there is
  const suspendedDays = base === null || closed.length === 0 ? 0 : calendar.workingDaysBetween(base, calendar.addWorkingDays(acceptedAt, promisedDays, closed));
  const deadline = suspendedDays > 0 ? calendar.addWorkingDays(recomputed.after, suspendedDays) : recomputed.after;
  return { deadline, yellowFrom: yellowFromDeadline(deadline, acceptedAt, promisedDays, yellowThreshold, calendar) };
}

function withCaseClock(facts: CaseFacts, context: ProjectionContext): CaseFacts {
  const { acceptedAt, promisedDays } = facts;
  if (!acceptedAt || promisedDays === undefined) return facts;
  const closed = suspensionsOf(facts).filter((pair): pair is [string, string] => pair[1] !== undefined);
  try {
    const clock =
      promisedDays > 0
        ? promisedClock(facts, acceptedAt, promisedDays, closed, context)
        : { deadline: endOfShanghaiDay(shanghaiDate(acceptedAt)), yellowFrom: shanghaiDate(acceptedAt) };
    const handlingDays = facts.finishedAt ? Math.max(0, context.calendar.workingDaysBetween(acceptedAt, facts.finishedAt, closed)) : undefined;
    const { deadline: _deadline, yellowFrom: _yellowFrom, ...rest } = facts;
    return { ...rest, ...clock, ...(handlingDays !== undefined ? { handlingDays } : {}) };
  } catch (error) {
    // a deadline in a year without an official calendar: the case is counted open with an unknown deadline
    if (error instanceof CalendarNotAvailable) return facts;
    throw error;
  }
}

/** A ledger entry's deadline after a recomputation, which is always later than the opening: whenever the opening arrives, the recomputed date stands. */
function withRecomputedRectificationDeadline(facts: RectificationFacts, recomputed: RecomputedDeadline, context: ProjectionContext): RectificationFacts {
  const { deadline: _opened, yellowFrom: _yellowFrom, ...rest } = facts;
  if (recomputed.after === null) return rest;
  const next = { ...rest, deadline: recomputed.after };
  if (!next.openedAt || !next.limitDays) return next;
  try {
    return { ...next, yellowFrom: yellowFromDeadline(recomputed.after, next.openedAt, next.limitDays, context.yellowThreshold, context.calendar) };
  } catch (error) {
    if (error instanceof CalendarNotAvailable) return next;
    throw error;
  }
}

function withRectificationClock(facts: RectificationFacts, context: ProjectionContext): RectificationFacts {
  if (facts.recomputedDeadline) return withRecomputedRectificationDeadline(facts, facts.recomputedDeadline, context);
  if (!facts.openedAt || !facts.limitDays || !facts.deadline) return facts;
  try {
    return { ...facts, yellowFrom: yellowFromDate(facts.openedAt, facts.limitDays, context.yellowThreshold, context.calendar) };
  } catch (error) {
    if (error instanceof CalendarNotAvailable) return facts;
    throw error;
  }
}

const onOrBefore = (at: string, deadline: string | undefined): boolean => deadline !== undefined && shanghaiDate(at) <= shanghaiDate(deadline);

/** What one subject adds to the counters, as `period|row|field` → amount. */
export function contributionOf(facts: SubjectFacts | undefined): Map<string, number> {
  const out = new Map<string, number>();
  const add = (periods: readonly string[], rows: readonly string[], field: string, by = 1) => {
    if (by === 0) return;
    for (const period of periods) for (const row of rows) out.set(`${period}|${row}|${field}`, (out.get(`${period}|${row}|${field}`) ?? 0) + by);
  };
  if (!facts) return out;
  if (facts.kind === 'review') {
    const rows = [
      'TOTAL',
      ...(facts.itemCode ? [`ITEM#${facts.itemCode}`] : []),
      ...facts.departments.map((dept) => `DEPT#${dept}`),
      ...facts.handlers.map((staff) => `STAFF#${staff}`),
    ];
    add(periodsOf(facts.at), rows, 'reviews');
    add(periodsOf(facts.at), rows, `reviews#${levelFields[facts.level] ?? 'unknown'}`);
    if (satisfiedLevels.has(facts.level)) add(periodsOf(facts.at), rows, 'satisfied');
    return out;
  }
  if (facts.kind === 'rectification') {
    if (!facts.openedAt) return out;
    const rows = ['TOTAL', ...(facts.ownerDeptId ? [`DEPT#${facts.ownerDeptId}`] : [])];
    add(periodsOf(facts.openedAt), rows, 'rectOpened');
    if (facts.source === 'complaint') add(periodsOf(facts.openedAt), rows, 'complaints');
    if (facts.closedAt) {
      add(periodsOf(facts.closedAt), rows, 'rectClosed');
      if (onOrBefore(facts.closedAt, facts.deadline)) add(periodsOf(facts.closedAt), rows, 'rectClosedOnTime');
      if (facts.outcome === 'closed_unfixable') add(periodsOf(facts.closedAt), rows, 'rectUnfixable');
    } else {
      add([NOW], ['TOTAL'], facts.deadline && facts.yellowFrom ? `rect#${shanghaiDate(facts.deadline)}#${facts.yellowFrom}` : 'rect#unknown');
      if (facts.ownerDeptId) add([NOW], [`DEPT#${facts.ownerDeptId}`], 'rectOpen');
    }
    return out;
  }
  const caseRows = ['TOTAL', ...(facts.itemCode ? [`ITEM#${facts.itemCode}`] : [])];
  if (facts.acceptedAt) add(periodsOf(facts.acceptedAt), caseRows, 'accepted');
  if (facts.refusedAt) add(periodsOf(facts.refusedAt), caseRows, 'refused');
  if (facts.acceptedAt && facts.finishedAt && facts.outcome) {
    const periods = periodsOf(facts.finishedAt);
    add(periods, caseRows, 'finished');
    if (facts.outcome === 'denied') add(periods, caseRows, 'denied');
    if (onOrBefore(facts.finishedAt, facts.deadline)) add(periods, caseRows, 'onTime');
    add(periods, caseRows, 'handlingDays', facts.handlingDays ?? 0);
    add(periods, caseRows, 'promisedDays', facts.promisedDays ?? 0);
  }
  for (const task of Object.values(facts.tasks)) {
    for (const [at, rung] of Object.entries(task.escalations ?? {})) {
      add(periodsOf(at), ['TOTAL', `DEPT#${task.deptId}`], 'escalations');
      add(periodsOf(at), ['TOTAL'], `escalations#${rung}`);
    }
    if (!task.decidedAt) continue;
    const rows = [`DEPT#${task.deptId}`, ...(task.staffId ? [`STAFF#${task.staffId}`] : [])];
    add(periodsOf(task.decidedAt), rows, 'decided');
    if (onOrBefore(task.decidedAt, task.stageDeadline)) add(periodsOf(task.decidedAt), rows, 'decidedOnTime');
  }
  if (facts.acceptedAt && !facts.finishedAt) {
    if (isSuspended(facts)) add([NOW], ['TOTAL'], 'suspended');
    else add([NOW], ['TOTAL'], facts.deadline && facts.yellowFrom ? `open#${shanghaiDate(facts.deadline)}#${facts.yellowFrom}` : 'open#unknown');
  }
  return out;
}

/** The increments that turn the counters of `before` into those of `after`; zero changes are left out. */
export function countersDelta(before: SubjectFacts | undefined, after: SubjectFacts | undefined): CounterIncrement[] {
  const previous = contributionOf(before);
  const next = contributionOf(after);
  const keysOfBoth = new Set([...previous.keys(), ...next.keys()]);
  const increments: CounterIncrement[] = [];
  for (const key of keysOfBoth) {
    const by = (next.get(key) ?? 0) - (previous.get(key) ?? 0);
    if (by === 0) continue;
    const [period, row, field] = key.split('|') as [string, string, string];
    increments.push({ period, row, field, by });
  }
  return increments;
}

/** Rows that roll up beyond the county: department and staff ids are local, item codes are shared (四级四同). */
export const rollsUp = (row: string): boolean => row === 'TOTAL' || row.startsWith('ITEM#');
