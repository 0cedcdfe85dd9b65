/** The deemed-acceptance timer (视为受理): armed at receipt, re-armed after restarts, and the acceptance it makes when it fires. */

import type { TenantProfile } from '../../catalogue/domain/service-item';
import type { WorkingCalendar } from '../../domain/calendar';
import { InvalidTransitionError, notFound } from '../../shared/errors';
import { type Case, type CaseNotice, deemAccepted, noticeNumber } from '../domain/case';
import { deemedAcceptanceDue, noticeTimer } from '../domain/notice-timer';
import type { IntakeDependencies } from './dependencies';
import { routeForAcceptance } from './route-for-acceptance';
import { startApproval } from './start-approval';
import { calendarOf, issue, latestNotice } from './support';

/** The timer of a case (`noticeTimer`), with the calendar gaps met on the way reported to the monitor. */
function noticeTimerFor(
  deps: Pick<IntakeDependencies, 'clock' | 'monitor'>,
  current: Case,
  profile: TenantProfile,
  calendar: WorkingCalendar,
): { noticeDeadline: string | null; fireAt: string } {
  const timer = noticeTimer(current, calendar, () => deps.clock.now(), profile.supervision.yellowThresholdDays);
  for (const alert of timer.alerts) deps.monitor.calendarGap(alert.year, { tenantId: current.tenantId, caseId: current.caseId });
  return { noticeDeadline: timer.noticeDeadline, fireAt: timer.fireAt };
}

/**
 * Arms the timer of a submitted case. A failure to start it does not undo the stored application
 * (nothing is lost): it is logged as a calendar-independent alarm and re-armed by `startAcceptanceTimer`.
 */
export async function armAcceptanceTimer(
  deps: Pick<IntakeDependencies, 'tenants' | 'clock' | 'monitor' | 'acceptanceTimer' | 'calendar'>,
  current: Case,
  knownProfile?: TenantProfile,
): Promise<{ noticeDeadline: string | null }> {
  const profile = knownProfile ?? (await deps.tenants.profile(current.tenantId));
  if (!profile) throw notFound.tenant(current.tenantId);
  const timer = noticeTimerFor(deps, current, profile, await calendarOf(deps, profile));
  await deps.acceptanceTimer.start({
    tenantId: current.tenantId,
    caseId: current.caseId,
    receivedAt: current.receivedAt ?? current.createdAt,
    fireAt: timer.fireAt,
  });
  return timer;
}

/** (Re)arms the deemed-acceptance timer of a case still waiting for its acceptance decision (local restarts, repair). */
export async function startAcceptanceTimer(deps: IntakeDependencies, tenantId: string, caseId: string): Promise<void> {
  const found = await deps.cases.find(tenantId, caseId);
  if (found?.status === 'submitted') await armAcceptanceTimer(deps, found);
}

/**
 * Primary course: the timer fired. If the window has still not decided and the notice deadline has
 * passed, the case is accepted as of the receipt date (视为受理), its notice stage recorded as
 * overdue, and routed like any accepted case. A decision that got there first wins: the optimistic
 * lock lets exactly one of them change the case. Returns `fireAt` when the timer must wait again.
 */
export async function deemAcceptance(deps: IntakeDependencies, input: { tenantId: string; caseId: string }): Promise<{ outcome: string; fireAt?: string }> {
  const current = await deps.cases.find(input.tenantId, input.caseId);
  if (!current || current.status !== 'submitted') return { outcome: 'decided-by-window' };
  const profile = await deps.tenants.profile(input.tenantId);
  if (!profile) throw notFound.tenant(input.tenantId);
  const timer = noticeTimerFor(deps, current, profile, await calendarOf(deps, profile));
  const now = deps.clock.now().toISOString();
  if (!deemedAcceptanceDue(timer.noticeDeadline, now)) return { outcome: 'not-due', fireAt: timer.fireAt };
  const receivedAt = current.receivedAt ?? current.createdAt;
  const routed = await routeForAcceptance(deps, current, receivedAt);
  const deemed = deemAccepted(
    current,
    { ...routed.acceptance, actor: 'system', noticeNo: noticeNumber('acceptance', input.tenantId, input.caseId, now) },
    timer.noticeDeadline,
    now,
    deps.ids.next(),
  );
  try {
    await deps.cases.save(deemed.case, [deemed.event], routed.tasks);
    await issue(deps, deemed.case, latestNotice(deemed.case) as CaseNotice);
  } catch (error) {
    if (error instanceof InvalidTransitionError) return { outcome: 'decided-by-window' };
    throw error;
  }
  await startApproval(deps, deemed.case);
  return { outcome: 'deemed-accepted' };
}
