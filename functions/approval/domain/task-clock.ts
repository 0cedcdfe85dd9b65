import {
  CalendarNotAvailable,
  endOfShanghaiDay,
  epochMillis,
  nationalCalendar,
  shanghaiDate,
  startOfShanghaiDayMillis,
  type WorkingCalendar,
} from '../../domain/calendar';
import { lightAt, secondsUntilNextLightChange } from '../../domain/case-clock';
import { clockSuspensions, type DepartmentTask, type TaskEscalation, type TaskLight } from './department-task';

/** How often a wait is re-checked when no calendar exists for the year a deadline falls in, or the stage is suspended. */
export const CALENDAR_GAP_RECHECK_SECONDS = 86_400;

const DAY_MS = 86_400_000;

/** One rung of the supervision ladder above the department (督办), from the tenant's configuration. */
export interface SupervisionRung {
  readonly level: 'county' | 'city' | 'province';
  readonly role?: string;
  /** Working days the supervising office gives for handling once it takes the case up. */
  readonly handlingDays: number;
}

export interface EscalationPolicy {
  readonly yellowThresholdDays: number;
  readonly ladder: readonly SupervisionRung[];
}

export const DEFAULT_ESCALATION_POLICY: EscalationPolicy = {
  yellowThresholdDays: 1,
  ladder: [
    { level: 'county', role: '督办', handlingDays: 3 },
    { level: 'city', handlingDays: 3 },
  ],
};

/** Who is told about a change on the ladder. */
export type EscalationRecipient =
  | { readonly role: 'handler'; readonly staffId: string }
  | { readonly role: 'department_head'; readonly deptId: string }
  | { readonly role: 'supervisor'; readonly level: SupervisionRung['level']; readonly office: string };

export interface EscalationStep {
  readonly light: TaskLight;
  readonly escalation: TaskEscalation;
  readonly notify: readonly EscalationRecipient[];
}

/** A same-day stage (即办件): due by the end of the day it started; red from the next day on. */
function sameDayLight(task: DepartmentTask, now: Date): TaskLight {
  const judged = shanghaiDate((task.decidedAt ? new Date(task.decidedAt) : now).toISOString());
  if (judged > shanghaiDate(stageStart(task))) return 'red';
  return task.decidedAt ? 'green' : 'yellow';
}

const stageStart = (task: DepartmentTask): string => task.stageStartedAt ?? task.createdAt;

const stageClock = (task: DepartmentTask, now: Date, yellowThreshold?: number) => ({
  startedAt: stageStart(task),
  limitDays: task.stageDays,
  suspensions: clockSuspensions(task),
  now: now.toISOString(),
  ...(task.decidedAt ? { finishedAt: task.decidedAt } : {}),
  ...(yellowThreshold !== undefined ? { yellowThreshold } : {}),
});

/**
 * The stage light (环节时限) of a department task at `now`, suspensions excluded. A year without an
 * official calendar cannot be counted: the light is then `unknown` rather than a guess.
 */
export function stageLight(task: DepartmentTask, now: Date, calendar: WorkingCalendar = nationalCalendar, yellowThreshold?: number): TaskLight {
  if (task.status === 'cancelled') return task.light;
  if (task.stageDays === 0) return sameDayLight(task, now);
  try {
    return lightAt(stageClock(task, now, yellowThreshold), calendar).light;
  } catch (error) {
    if (error instanceof CalendarNotAvailable) return 'unknown';
    throw error;
  }
}

/** The stage deadline with the suspensions so far (an open one counts up to now). */
export function currentStageDeadline(task: DepartmentTask, now: Date, calendar: WorkingCalendar = nationalCalendar): string | undefined {
  if (task.stageDays === 0) return endOfShanghaiDay(shanghaiDate(stageStart(task)));
  try {
    return lightAt(stageClock(task, now), calendar).deadline;
  } catch (error) {
    if (error instanceof CalendarNotAvailable) return undefined;
    throw error;
  }
}

/**
 * Whether the stage deadline or the 督办 handling deadline was counted over a provisional year (its
 * holiday notice is not out yet): the task says so, and both are recomputed when the notice is loaded.
 */
export function stageDeadlineProvisional(task: DepartmentTask, now: Date, calendar: WorkingCalendar): boolean {
  const stageDeadline = currentStageDeadline(task, now, calendar);
  const supervisionDeadline = task.escalation?.supervisionDeadline;
  return (
    (stageDeadline !== undefined && calendar.countsProvisionalDay(stageStart(task), stageDeadline)) ||
    (supervisionDeadline !== undefined && calendar.countsProvisionalDay(stageStart(task), supervisionDeadline))
  );
}

const supervisionOffice = (rung: SupervisionRung) => ({ role: 'supervisor' as const, level: rung.level, office: rung.role ?? '督办' });

/**
 * The next step up the ladder, if the stage has earned one by `now`: yellow tells the handler and the
 * department head; red hands the stage to the first 督办 rung with a new handling deadline; each
 * handling deadline missed hands it one rung higher. Undefined when nothing changes.
 */
export function nextEscalation(task: DepartmentTask, now: Date, calendar: WorkingCalendar, policy: EscalationPolicy): EscalationStep | undefined {
  const light = stageLight(task, now, calendar, policy.yellowThresholdDays);
  const level = task.escalation?.level ?? 0;
  const head = { role: 'department_head' as const, deptId: task.deptId };
  const handler = task.claimedBy ? [{ role: 'handler' as const, staffId: task.claimedBy }] : [];
  const rungStep = (rungIndex: number): EscalationStep | undefined => {
    const rung = policy.ladder[rungIndex];
    if (!rung) return undefined;
    const since = now.toISOString();
    const supervisionDeadline = calendar.addWorkingDays(since, rung.handlingDays);
    // where the handling deadline was counted from, so a new holiday notice can count it again
    return {
      light,
      escalation: { level: rungIndex + 2, supervisionDeadline, since, handlingDays: rung.handlingDays },
      notify: [supervisionOffice(rung), head, ...handler],
    };
  };
  if (light === 'yellow' && level < 1) return { light, escalation: { level: 1 }, notify: [...handler, head] };
  if (light !== 'red') return undefined;
  if (level < 2) return rungStep(0);
  const missed = task.escalation?.supervisionDeadline !== undefined && shanghaiDate(now.toISOString()) > shanghaiDate(task.escalation.supervisionDeadline);
  return missed ? rungStep(level - 1) : undefined;
}

/**
 * How long the workflow waits for this department before looking again: until the light next changes
 * or the current 督办 handling deadline passes; daily while suspended (resuming wakes it at once) or
 * while the calendar has a gap (never a Monday-to-Friday guess).
 */
export function taskWaitSeconds(
  task: DepartmentTask,
  now: Date,
  calendar: WorkingCalendar = nationalCalendar,
  policy: EscalationPolicy = DEFAULT_ESCALATION_POLICY,
): number {
  if (task.status === 'suspended') return CALENDAR_GAP_RECHECK_SECONDS;
  if (task.stageDays === 0) return Math.max(1, Math.ceil((startOfShanghaiDayMillis(shanghaiDate(stageStart(task))) + DAY_MS - now.getTime()) / 1000));
  const supervisionDeadline = task.escalation?.supervisionDeadline;
  if (supervisionDeadline && (task.escalation?.level ?? 0) - 1 < policy.ladder.length) {
    return Math.max(1, Math.ceil((epochMillis(supervisionDeadline) + 1000 - now.getTime()) / 1000));
  }
  try {
    return secondsUntilNextLightChange(stageClock(task, now, policy.yellowThresholdDays), calendar) ?? CALENDAR_GAP_RECHECK_SECONDS;
  } catch (error) {
    if (error instanceof CalendarNotAvailable) return CALENDAR_GAP_RECHECK_SECONDS;
    throw error;
  }
}

/** The ladder as the tenant configured it (older stored profiles lack the handling days: the default applies). */
export function escalationPolicyOf(supervision: {
  yellowThresholdDays: number;
  escalation: ReadonlyArray<{ level: SupervisionRung['level']; role?: string; handlingDays?: number }>;
}): EscalationPolicy {
  return {
    yellowThresholdDays: supervision.yellowThresholdDays,
    ladder: supervision.escalation.map((rung) => ({ level: rung.level, ...(rung.role ? { role: rung.role } : {}), handlingDays: rung.handlingDays ?? 3 })),
  };
}
