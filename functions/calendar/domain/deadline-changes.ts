/**
 * What a newly loaded holiday notice changes in the deadlines of open work, pure. Each deadline is
 * counted twice from its own inputs, on the calendar before the notice and on the calendar after it;
 * where a stored copy exists it stands for "before", so running the same recomputation twice changes
 * nothing the second time (redelivered messages, retried batches).
 */
import { missingMaterialsNoticeDeadline, resultDeliveryDeadline } from '../../domain/case-clock';
import { CalendarNotAvailable, type WorkingCalendar } from '../../domain/calendar';
import type { DepartmentTask } from '../../approval/domain/department-task';
import { currentStageDeadline } from '../../approval/domain/task-clock';
import type { Case } from '../../intake/domain/case';
import { isClosed, type Rectification } from '../../reviews/domain/rectification';

export type DeadlineField = 'promisedDeadline' | 'noticeDeadline' | 'stageDeadline' | 'supervisionDeadline' | 'deliveryDeadline' | 'deadline';

/** The calendars on either side of a notice load, and the load itself. */
export interface RecomputeBasis {
  readonly before: WorkingCalendar;
  readonly after: WorkingCalendar;
  readonly now: string;
  readonly year: number;
  readonly noticeVersion: number;
}

/** One deadline that moved: the `detail` of its `DeadlineRecomputed` event. */
export interface DeadlineChange {
  readonly subject: 'case' | 'task' | 'release' | 'rectification';
  readonly field: DeadlineField;
  readonly before: string | null;
  readonly after: string | null;
  readonly moved: 'earlier' | 'later';
  /** The new deadline still counts a provisional year (a later notice moves it again). */
  readonly provisional: boolean;
  readonly year: number;
  readonly noticeVersion: number;
}

/** A deadline that cannot be counted on this calendar (a year beyond every notice) is null, never a guess. */
function counted(compute: () => string): string | null {
  try {
    return compute();
  } catch (error) {
    if (error instanceof CalendarNotAvailable) return null;
    throw error;
  }
}

/** Null when nothing moved; otherwise the change, judged from `start` for the provisional flag. */
function changeOf(
  subject: DeadlineChange['subject'],
  field: DeadlineField,
  start: string,
  before: string | null,
  after: string | null,
  basis: RecomputeBasis,
): DeadlineChange | null {
  if (before === after) return null;
  // an uncountable deadline that becomes countable moves "earlier" than never
  const moved = before === null || (after !== null && after < before) ? 'earlier' : 'later';
  const provisional = after !== null && basis.after.countsProvisionalDay(start, after);
  return { subject, field, before, after, moved, provisional, year: basis.year, noticeVersion: basis.noticeVersion };
}

const isPresent = <T>(value: T | null): value is T => value !== null;

/**
 * The case's own deadlines: the one-time-notice window while it waits for the window's decision, the
 * promised deadline while it is being handled, the result-delivery deadline once completed and not yet
 * handed over. Finished cases are never recomputed.
 */
export function caseDeadlineChanges(
  current: Case,
  basis: RecomputeBasis,
  delivery?: { readonly storedDeadline: string | null; readonly delivered: boolean },
): DeadlineChange[] {
  switch (current.status) {
    case 'submitted': {
      const receivedAt = current.receivedAt ?? current.createdAt;
      const count = (calendar: WorkingCalendar) => counted(() => missingMaterialsNoticeDeadline(receivedAt, current.noticeDays ?? 1, calendar));
      return [changeOf('case', 'noticeDeadline', receivedAt, current.noticeDeadline ?? count(basis.before), count(basis.after), basis)].filter(isPresent);
    }
    case 'accepted':
    case 'in_approval': {
      if (!current.acceptedAt || current.promisedDays === 0) return [];
      const acceptedAt = current.acceptedAt;
      const count = (calendar: WorkingCalendar) => counted(() => calendar.addWorkingDays(acceptedAt, current.promisedDays));
      return [changeOf('case', 'promisedDeadline', acceptedAt, current.promisedDeadline ?? count(basis.before), count(basis.after), basis)].filter(isPresent);
    }
    case 'completed': {
      const completedAt = current.completedAt;
      if (!completedAt || delivery?.delivered) return [];
      const count = (calendar: WorkingCalendar) => counted(() => resultDeliveryDeadline(completedAt, calendar));
      return [changeOf('release', 'deliveryDeadline', completedAt, delivery?.storedDeadline ?? count(basis.before), count(basis.after), basis)].filter(
        isPresent,
      );
    }
    default:
      return [];
  }
}

/** The case with the recomputed deadlines it stores (the notice window is kept once it has moved). */
export function withRecomputedCaseDeadlines(current: Case, changes: readonly DeadlineChange[], now: string): Case {
  const promised = changes.find((change) => change.field === 'promisedDeadline');
  const notice = changes.find((change) => change.field === 'noticeDeadline');
  return {
    ...current,
    ...(promised?.after ? { promisedDeadline: promised.after } : {}),
    ...(notice?.after ? { noticeDeadline: notice.after } : {}),
    updatedAt: now,
    revision: current.revision + 1,
  };
}

/**
 * A running department stage: its stage deadline (环节时限) and, once 督办 took it up, the handling
 * deadline the supervision office set. A stage not yet started, decided or closed has nothing to move.
 */
export function taskDeadlineChanges(task: DepartmentTask, basis: RecomputeBasis): { task: DepartmentTask; changes: DeadlineChange[] } {
  if (!['pending', 'suspended'].includes(task.status) || task.stageDays === 0) return { task, changes: [] };
  const now = new Date(basis.now);
  const start = task.stageStartedAt ?? task.createdAt;
  const stageAfter = counted(() => currentStageDeadline(task, now, basis.after) ?? '') || null;
  const stageBefore = task.stageDeadline === stageAfter ? stageAfter : counted(() => currentStageDeadline(task, now, basis.before) ?? '') || null;
  const changes: DeadlineChange[] = [];
  let next = task;
  const stage = changeOf('task', 'stageDeadline', start, stageBefore, stageAfter, basis);
  if (stage) {
    changes.push(stage);
    next = { ...next, ...(stage.after ? { stageDeadline: stage.after } : {}) };
  }
  const escalation = task.escalation;
  if (escalation?.supervisionDeadline && escalation.since && escalation.handlingDays) {
    const { since, handlingDays } = escalation;
    const handlingAfter = counted(() => basis.after.addWorkingDays(since, handlingDays));
    const handling = changeOf('task', 'supervisionDeadline', since, escalation.supervisionDeadline, handlingAfter, basis);
    if (handling && handling.after) {
      changes.push(handling);
      next = { ...next, escalation: { ...escalation, supervisionDeadline: handling.after } };
    }
  }
  return { task: next, changes };
}

/** An open rectification entry's deadline (整改时限), counted again from its opening. */
export function rectificationDeadlineChange(entry: Rectification, basis: RecomputeBasis): DeadlineChange | null {
  if (isClosed(entry.status)) return null;
  const after = counted(() => basis.after.addWorkingDays(entry.openedAt, entry.limitDays));
  return changeOf('rectification', 'deadline', entry.openedAt, entry.deadline, after, basis);
}
