/** Routing at acceptance, shared by the window's accept and the timer's 视为受理: the tasks to store and the acceptance to record. */

import { planDepartmentTasks } from '../../approval/domain/task-planning';
import { notFound } from '../../shared/errors';
import { acceptanceRouting, type Case } from '../domain/case';
import type { IntakeDependencies } from './dependencies';
import { calendarOf } from './support';

/**
 * The departments of the case's item version, one task each with its stage deadline, and the
 * promised deadline: all counted from `startedAt` on the tenant's working-day calendar.
 */
export async function routeForAcceptance(deps: IntakeDependencies, current: Case, startedAt: string) {
  const { tenantId } = current;
  const [item, profile] = await Promise.all([deps.catalogue.itemVersion(tenantId, current.itemCode, current.itemVersion), deps.tenants.profile(tenantId)]);
  if (!item) throw notFound.item(`${current.itemCode}@${current.itemVersion}`);
  if (!profile) throw notFound.tenant(tenantId);
  const calendar = await calendarOf(deps, profile);
  const onGap = (year: number) => deps.monitor.calendarGap(year, { tenantId, caseId: current.caseId });
  const tasks = planDepartmentTasks(item, {
    tenantId,
    caseId: current.caseId,
    startedAt,
    calendar,
    onCalendarGap: onGap,
    nextId: () => deps.ids.next(),
  });
  return {
    item,
    tasks,
    acceptance: acceptanceRouting(tasks, item.promisedDays, startedAt, calendar, onGap),
  };
}
