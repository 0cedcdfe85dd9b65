import { CalendarNotAvailable, type WorkingCalendar } from '../../domain/calendar';
import { type ClockSuspension, type Light, lightAt, mergeSuspensions, missingMaterialsNoticeDeadline, resultDeliveryDeadline } from '../../domain/case-clock';
import { PROVISIONAL_NOTE, PROVISIONAL_NOTE_EN } from '../../domain/provisional-note';
import type { Case } from './case';

/**
 * Why a deadline could not be counted (the case is flagged instead of guessed, never Monday-to-Friday),
 * or why it is provisional (counted on the statutory holidays until that year's notice is loaded).
 */
export interface ClockAlert {
  readonly code: 'CALENDAR_NOT_AVAILABLE' | 'CALENDAR_PROVISIONAL';
  readonly year: number;
  readonly message: string;
}

export interface CaseClockView {
  readonly noticeDeadline: string | null;
  readonly promisedDeadline: string | null;
  readonly light: Light | 'not_started' | 'unknown';
  readonly remainingWorkingDays: number | null;
  readonly overdueWorkingDays: number | null;
  readonly finishedOnTime?: boolean;
  readonly deliveryDeadline: string | null;
  /** True when any deadline shown was counted over a provisional year; `provisionalNote` then says so in words. */
  readonly provisional: boolean;
  readonly provisionalNote?: string;
  readonly alerts: readonly ClockAlert[];
}

const gapAlert = (error: CalendarNotAvailable): ClockAlert => ({
  code: 'CALENDAR_NOT_AVAILABLE',
  year: error.year,
  message: `${error.year}年节假日安排尚未加载，期限暂无法计算 / The ${error.year} holiday calendar is not loaded; the deadline cannot be counted yet`,
});

const provisionalAlert = (year: number): ClockAlert => ({
  code: 'CALENDAR_PROVISIONAL',
  year,
  message: `${year}年${PROVISIONAL_NOTE} / ${PROVISIONAL_NOTE_EN} (${year})`,
});

/** The provisional flag, note and alerts of the deadlines shown, each counted from its own start. */
function provisionalMarks(calendar: WorkingCalendar, spans: ReadonlyArray<readonly [string | undefined | null, string | null]>) {
  const years = new Set<number>();
  for (const [start, deadline] of spans) {
    if (!start || !deadline || !calendar.countsProvisionalDay(start, deadline)) continue;
    for (let year = Number(start.slice(0, 4)); year <= Number(deadline.slice(0, 4)); year++) if (calendar.isProvisionalYear(year)) years.add(year);
  }
  return years.size === 0 ? { provisional: false } : { provisional: true, provisionalNote: PROVISIONAL_NOTE, alerts: [...years].sort().map(provisionalAlert) };
}

/**
 * The case clock as of `now`, pure: the one-time-notice deadline from receipt, the promised deadline
 * and supervision light from acceptance, and the result-delivery deadline after completion. A year
 * without an official calendar yields an alert, not an exception, so the case flow never crashes on it.
 */
export function caseClockView(
  current: Case,
  calendar: WorkingCalendar,
  now: string,
  yellowThreshold: number,
  noticeDays: 1 | 5,
  /** Special procedures and supplements of its departments: their time is not counted in the total (seed 004 art.11). */
  suspensions: readonly ClockSuspension[] = [],
): CaseClockView {
  const alerts: ClockAlert[] = [];
  const guarded = <T>(compute: () => T): T | null => {
    try {
      return compute();
    } catch (error) {
      if (error instanceof CalendarNotAvailable) {
        if (!alerts.some((alert) => alert.year === error.year)) alerts.push(gapAlert(error));
        return null;
      }
      throw error;
    }
  };
  // counted from the receipt of the complete application: the filing, or the supplement that completed it (like the timer)
  const receivedAt = current.receivedAt ?? current.createdAt;
  const noticeDeadline = guarded(() => missingMaterialsNoticeDeadline(receivedAt, noticeDays, calendar));
  const finishedAt = current.completedAt ?? null;
  const deliveryDeadline = finishedAt && current.status === 'completed' ? guarded(() => resultDeliveryDeadline(finishedAt, calendar)) : null;
  // the notice window only matters until the window decides; a delivery deadline only once completed
  const noticeSpan = [current.acceptedAt ? null : receivedAt, noticeDeadline] as const;
  const deliverySpan = [finishedAt, deliveryDeadline] as const;
  if (!current.acceptedAt || current.promisedDays === 0) {
    const marks = provisionalMarks(calendar, [noticeSpan, deliverySpan]);
    return {
      noticeDeadline,
      promisedDeadline: current.promisedDeadline ?? null,
      light: 'not_started',
      remainingWorkingDays: null,
      overdueWorkingDays: null,
      deliveryDeadline,
      ...marks,
      alerts: [...alerts, ...(marks.alerts ?? [])],
    };
  }
  const acceptedAt = current.acceptedAt;
  const reading = guarded(() =>
    lightAt({ startedAt: acceptedAt, limitDays: current.promisedDays, suspensions: mergeSuspensions(suspensions), now, finishedAt, yellowThreshold }, calendar),
  );
  const promisedDeadline = reading?.deadline ?? current.promisedDeadline ?? null;
  const marks = provisionalMarks(calendar, [noticeSpan, [finishedAt ? null : acceptedAt, promisedDeadline], deliverySpan]);
  return {
    noticeDeadline,
    promisedDeadline,
    light: reading?.light ?? 'unknown',
    remainingWorkingDays: reading?.remainingWorkingDays ?? null,
    overdueWorkingDays: reading?.overdueWorkingDays ?? null,
    ...(reading?.finishedOnTime !== undefined ? { finishedOnTime: reading.finishedOnTime } : {}),
    deliveryDeadline,
    ...marks,
    alerts: [...alerts, ...(marks.alerts ?? [])],
  };
}
