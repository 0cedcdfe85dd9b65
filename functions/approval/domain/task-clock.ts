import { CalendarNotAvailable, nationalCalendar, shanghaiDate, startOfShanghaiDayMillis, type WorkingCalendar } from '../../domain/calendar';
import { lightAt, secondsUntilNextLightChange } from '../../domain/case-clock';
import type { DepartmentTask, TaskLight } from './department-task';

/** How often a wait is re-checked when no calendar exists for the year a deadline falls in. */
export const CALENDAR_GAP_RECHECK_SECONDS = 86_400;

const DAY_MS = 86_400_000;

/** A same-day stage (即办件): due by the end of the day it started; red from the next day on. */
function sameDayLight(task: DepartmentTask, now: Date): TaskLight {
  const judged = shanghaiDate((task.decidedAt ? new Date(task.decidedAt) : now).toISOString());
  if (judged > shanghaiDate(task.createdAt)) return 'red';
  return task.decidedAt ? 'green' : 'yellow';
}

const stageClock = (task: DepartmentTask, now: Date) => ({
  startedAt: task.createdAt,
  limitDays: task.stageDays,
  now: now.toISOString(),
  ...(task.decidedAt ? { finishedAt: task.decidedAt } : {}),
});

/**
 * The stage light (环节时限) of a department task at `now`. A year without an official calendar
 * cannot be counted: the light is then `unknown` rather than a guess.
 */
export function stageLight(task: DepartmentTask, now: Date, calendar: WorkingCalendar = nationalCalendar): TaskLight {
  if (task.stageDays === 0) return sameDayLight(task, now);
  try {
    return lightAt(stageClock(task, now), calendar).light;
  } catch (error) {
    if (error instanceof CalendarNotAvailable) return 'unknown';
    throw error;
  }
}

/**
 * How long the workflow waits for this department before re-checking its light: until the light
 * next changes; daily while the calendar has a gap (never a Monday-to-Friday guess).
 */
export function taskWaitSeconds(task: DepartmentTask, now: Date, calendar: WorkingCalendar = nationalCalendar): number {
  if (task.stageDays === 0) return Math.max(1, Math.ceil((startOfShanghaiDayMillis(shanghaiDate(task.createdAt)) + DAY_MS - now.getTime()) / 1000));
  try {
    return secondsUntilNextLightChange(stageClock(task, now), calendar) ?? CALENDAR_GAP_RECHECK_SECONDS;
  } catch (error) {
    if (error instanceof CalendarNotAvailable) return CALENDAR_GAP_RECHECK_SECONDS;
    throw error;
  }
}
