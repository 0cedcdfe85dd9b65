/** The deemed-acceptance timer (视为受理): when it fires, and whether the acceptance it stands for is due. */

import type { WorkingCalendar } from '../../domain/calendar';
import type { Case } from './case';
import { type ClockAlert, caseClockView } from './case-clock-view';

/**
 * When the deemed-acceptance timer of a case should fire: just after its notice deadline, counted
 * from the receipt of the complete application. In a year without a calendar it re-checks daily.
 * The alerts are the calendar gaps met on the way, for the caller to report.
 */
export function noticeTimer(
  current: Case,
  calendar: WorkingCalendar,
  now: () => Date,
  yellowThresholdDays: number,
): { noticeDeadline: string | null; fireAt: string; alerts: readonly ClockAlert[] } {
  const receivedAt = current.receivedAt ?? current.createdAt;
  const view = caseClockView({ ...current, createdAt: receivedAt }, calendar, now().toISOString(), yellowThresholdDays, current.noticeDays ?? 1);
  const fireAt = view.noticeDeadline ? new Date(Date.parse(view.noticeDeadline) + 1000).toISOString() : new Date(now().getTime() + 86_400_000).toISOString();
  return { noticeDeadline: view.noticeDeadline, fireAt, alerts: view.alerts };
}

/**
 * 视为受理 is due only once the notice deadline could be counted and has passed. Compared as instants: the deadline
 * is written in Beijing time (`…T23:59:59+08:00`) and `now` in UTC, so comparing the strings would make it due 8 hours late.
 */
export const deemedAcceptanceDue = (noticeDeadline: string | null, now: string): noticeDeadline is string =>
  !!noticeDeadline && Date.parse(now) > Date.parse(noticeDeadline);
