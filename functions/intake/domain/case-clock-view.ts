import { CalendarNotAvailable, type WorkingCalendar } from '../../domain/calendar';
import { type ClockSuspension, type Light, lightAt, mergeSuspensions, missingMaterialsNoticeDeadline, resultDeliveryDeadline } from '../../domain/case-clock';
import type { Case } from './case';

/** Why a deadline could not be counted; the case is flagged instead of guessed (never Monday-to-Friday). */
export interface ClockAlert {
  readonly code: 'CALENDAR_NOT_AVAILABLE';
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
  readonly alerts: readonly ClockAlert[];
}

const gapAlert = (error: CalendarNotAvailable): ClockAlert => ({
  code: 'CALENDAR_NOT_AVAILABLE',
  year: error.year,
  message: `${error.year}年节假日安排尚未加载，期限暂无法计算 / The ${error.year} holiday calendar is not loaded; the deadline cannot be counted yet`,
});

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
  const noticeDeadline = guarded(() => missingMaterialsNoticeDeadline(current.createdAt, noticeDays, calendar));
  const finishedAt = current.completedAt ?? null;
  const deliveryDeadline = finishedAt && current.status === 'completed' ? guarded(() => resultDeliveryDeadline(finishedAt, calendar)) : null;
  if (!current.acceptedAt || current.promisedDays === 0) {
    return { noticeDeadline, promisedDeadline: current.promisedDeadline ?? null, light: 'not_started', remainingWorkingDays: null, overdueWorkingDays: null, deliveryDeadline, alerts };
  }
  const acceptedAt = current.acceptedAt;
  const reading = guarded(() => lightAt({ startedAt: acceptedAt, limitDays: current.promisedDays, suspensions: mergeSuspensions(suspensions), now, finishedAt, yellowThreshold }, calendar));
  return {
    noticeDeadline,
    promisedDeadline: reading?.deadline ?? current.promisedDeadline ?? null,
    light: reading?.light ?? 'unknown',
    remainingWorkingDays: reading?.remainingWorkingDays ?? null,
    overdueWorkingDays: reading?.overdueWorkingDays ?? null,
    ...(reading?.finishedOnTime !== undefined ? { finishedOnTime: reading.finishedOnTime } : {}),
    deliveryDeadline,
    alerts,
  };
}
