/**
 * The case clock: every time limit of intake and approval expressed in working days, and the
 * supervision light (电子监察 model A: yellow = about to expire, red = overdue).
 *
 * Pure: "now" is always an argument. Each function takes an optional `WorkingCalendar` so a tenant's
 * local closures apply; it defaults to the national calendar.
 */
import {
  InvalidWorkingDayCountError,
  type Suspension,
  type WorkingCalendar,
  epochMillis,
  nationalCalendar,
  shanghaiDate,
  startOfShanghaiDayMillis,
} from './calendar';

const DAY_MS = 86_400_000;

/** One-time notice (一次性告知) limit: 1 working day, or 5 for complex items. */
export type NoticeDays = 1 | 5;

/** How a supplement requested during review affects the clock, configured per item. */
export type SupplementPolicy = 'restart' | 'suspend';

/** A suspension that may still be open (`resume` null or undefined while the special procedure runs). */
export type ClockSuspension = readonly [from: string, resume: string | null | undefined];

export type Light = 'green' | 'yellow' | 'red' | 'suspended';

/** Thrown when an extension is approved after the deadline it would extend: the case is already red. */
export class ExtensionTooLateError extends Error {
  override readonly name = 'ExtensionTooLateError';
  constructor(
    readonly approvedAt: string,
    readonly deadline: string,
  ) {
    super(`Extension approved at ${approvedAt}, after the deadline ${deadline}`);
  }
}

/** Deadline for the one-time notice of missing materials; if missed, the application counts as accepted. */
export function missingMaterialsNoticeDeadline(receivedAt: string, noticeDays: NoticeDays, calendar: WorkingCalendar = nationalCalendar): string {
  return calendar.addWorkingDays(receivedAt, noticeDays);
}

/** Promised completion deadline (承诺时限): `limitDays` working days after acceptance, suspended days excluded. */
export function promisedCompletionDeadline(
  acceptedAt: string,
  limitDays: number,
  suspensions: readonly Suspension[] = [],
  calendar: WorkingCalendar = nationalCalendar,
): string {
  return calendar.addWorkingDays(acceptedAt, limitDays, suspensions);
}

/** The running completion clock of a case. */
export interface CompletionClock {
  /** The instant the clock counts from: the acceptance, or the supplement after a `restart`. */
  readonly acceptedAt: string;
  readonly limitDays: number;
  readonly suspensions?: readonly Suspension[];
}

/**
 * Approved extension (延期): the limit becomes `limitDays + extensionDays`, still counted from the original
 * acceptance. Throws `ExtensionTooLateError` unless approved on or before the current deadline date.
 */
export function extendCompletionLimit(
  clock: CompletionClock,
  extensionDays: number,
  approvedAt: string,
  calendar: WorkingCalendar = nationalCalendar,
): { limitDays: number; deadline: string } {
  if (!Number.isInteger(extensionDays) || extensionDays < 1) throw new InvalidWorkingDayCountError(extensionDays);
  const suspensions = clock.suspensions ?? [];
  const currentDeadline = calendar.addWorkingDays(clock.acceptedAt, clock.limitDays, suspensions);
  if (shanghaiDate(approvedAt) > shanghaiDate(currentDeadline)) {
    throw new ExtensionTooLateError(approvedAt, currentDeadline);
  }
  const limitDays = clock.limitDays + extensionDays;
  return { limitDays, deadline: calendar.addWorkingDays(clock.acceptedAt, limitDays, suspensions) };
}

/**
 * Supplement requested at `noticeAt` and received at `suppliedAt` during review. `restart` starts the full
 * limit again from the supplement; `suspend` freezes the clock between notice and supplement.
 * @returns the clock to keep running and its new deadline
 */
export function applySupplementDuringReview(
  clock: CompletionClock,
  policy: SupplementPolicy,
  noticeAt: string,
  suppliedAt: string,
  calendar: WorkingCalendar = nationalCalendar,
): { clock: CompletionClock; deadline: string } {
  const next: CompletionClock =
    policy === 'restart'
      ? { acceptedAt: suppliedAt, limitDays: clock.limitDays, suspensions: [] }
      : { ...clock, suspensions: [...(clock.suspensions ?? []), [noticeAt, suppliedAt]] };
  return { clock: next, deadline: calendar.addWorkingDays(next.acceptedAt, next.limitDays, next.suspensions) };
}

/** Deadline for pushing the result to the window and the applicant: 3 working days after completion. */
export function resultDeliveryDeadline(completedAt: string, calendar: WorkingCalendar = nationalCalendar): string {
  return calendar.addWorkingDays(completedAt, 3);
}

/** Deadline of one department's stage (环节时限), counted from the task start like the case limit. */
export function stageDeadline(
  taskStartedAt: string,
  stageLimitDays: number,
  suspensions: readonly Suspension[] = [],
  calendar: WorkingCalendar = nationalCalendar,
): string {
  return calendar.addWorkingDays(taskStartedAt, stageLimitDays, suspensions);
}

/**
 * Overlapping stops of several departments as one set of disjoint periods (an open one swallows
 * everything after it), so a day two departments both stood still is excluded once.
 */
export function mergeSuspensions(suspensions: readonly ClockSuspension[]): ClockSuspension[] {
  const sorted = [...suspensions].sort(([a], [b]) => epochMillis(a) - epochMillis(b));
  const merged: [string, string | null | undefined][] = [];
  for (const [from, resume] of sorted) {
    const last = merged.at(-1);
    const lastEnd = last ? last[1] : undefined;
    if (last && (lastEnd === null || lastEnd === undefined || epochMillis(from) <= epochMillis(lastEnd))) {
      if (lastEnd !== null && lastEnd !== undefined && (resume === null || resume === undefined || epochMillis(resume) > epochMillis(lastEnd)))
        last[1] = resume;
      continue;
    }
    merged.push([from, resume]);
  }
  return merged;
}

/** What the supervision light needs to know about a case or a stage at one instant. */
export interface LightInput {
  readonly startedAt: string;
  readonly limitDays: number;
  readonly suspensions?: readonly ClockSuspension[];
  readonly now: string;
  readonly finishedAt?: string | null;
  /** Yellow once at most this many working days remain; default 1 (the working day before the deadline day). */
  readonly yellowThreshold?: number;
}

export interface LightReading {
  readonly light: Light;
  /** While suspended: the deadline if the clock resumed now. */
  readonly deadline: string;
  /** Working days left at `now` (at `finishedAt` when finished); 0 once the limit is used up. */
  readonly remainingWorkingDays: number;
  /** Working days after the deadline day up to `now` (`finishedAt`); 0 when not overdue. */
  readonly overdueWorkingDays: number;
  /** Present only for a finished clock. A late finish keeps the red light. */
  readonly finishedOnTime?: boolean;
}

/**
 * The supervision light at `now`: suspended while a suspension is open, red once the Shanghai date is past
 * the deadline date, yellow when `remaining <= yellowThreshold`, green otherwise. A finished clock is judged
 * at `finishedAt`: green if on time, red if late.
 */
export function lightAt(input: LightInput, calendar: WorkingCalendar = nationalCalendar): LightReading {
  const { startedAt, limitDays, now, yellowThreshold = 1 } = input;
  if (!Number.isInteger(yellowThreshold) || yellowThreshold < 0) {
    throw new RangeError(`yellowThreshold must be a non-negative integer, got ${yellowThreshold}`);
  }
  const finishedAt = input.finishedAt ?? undefined;
  const judgedAt = finishedAt ?? now;
  const suspensions = input.suspensions ?? [];
  // An open suspension freezes the clock up to the judged instant.
  const closedSuspensions = suspensions.map(([from, resume]): Suspension => [from, resume ?? judgedAt]);

  const deadline = calendar.addWorkingDays(startedAt, limitDays, closedSuspensions);
  const remaining = limitDays - calendar.workingDaysBetween(startedAt, judgedAt, closedSuspensions);
  const overdue = calendar.workingDaysBetween(deadline, judgedAt);
  const late = shanghaiDate(judgedAt) > shanghaiDate(deadline);
  const reading = {
    deadline,
    remainingWorkingDays: Math.max(0, remaining),
    overdueWorkingDays: Math.max(0, overdue),
  };

  if (finishedAt !== undefined) return { ...reading, light: late ? 'red' : 'green', finishedOnTime: !late };
  const suspended = suspensions.some(([, resume]) => resume === null || resume === undefined);
  const light: Light = suspended ? 'suspended' : late ? 'red' : remaining <= yellowThreshold ? 'yellow' : 'green';
  return { ...reading, light };
}

/**
 * Seconds from `now` until the light next changes, at least 1, for a Step Functions wait
 * (`TimeoutSecondsPath`). Lights only change at Shanghai midnight: green turns yellow at the start of the
 * yellow working day, yellow turns red at deadline + 1 s. When already red, the seconds until the end of
 * the next working day (the escalation re-check cadence).
 * @returns null when no time-driven change is coming: the clock is finished or suspended (wait for the event)
 */
export function secondsUntilNextLightChange(input: LightInput, calendar: WorkingCalendar = nationalCalendar): number | null {
  const current = lightAt(input, calendar);
  if (current.finishedOnTime !== undefined || current.light === 'suspended') return null;

  let changeAtMs: number;
  if (current.light === 'red') {
    changeAtMs = epochMillis(calendar.addWorkingDays(input.now, 1)) + 1000;
  } else {
    // Unfinished and not suspended, so the light is red by the day after the deadline: the scan ends.
    changeAtMs = startOfShanghaiDayMillis(shanghaiDate(input.now));
    do {
      changeAtMs += DAY_MS;
    } while (lightAt({ ...input, now: new Date(changeAtMs).toISOString() }, calendar).light === current.light);
  }
  return Math.max(1, Math.ceil((changeAtMs - epochMillis(input.now)) / 1000));
}
