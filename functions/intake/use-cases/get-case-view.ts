/** Get a case (办件查询): the case as the applicant and staff see it, with its progress, materials and results. */

import { clockSuspensions } from '../../approval/domain/department-task';
import { authorize, authorizeRole } from '../../kernel/permissions';
import { ownershipOf } from '../../kernel/principal';
import { notFound } from '../../shared/errors';
import type { RequestContext } from '../../shared/request-context';
import { caseClockView } from '../domain/case-clock-view';
import { caseProgressView, caseRecordsView } from '../domain/case-view';
import type { IntakeDependencies } from './dependencies';
import { calendarOf, loadCase } from './support';

/** Status, deadlines, light, department progress and timeline, with what the view's other parts are counted on. */
async function caseProgress(
  deps: Pick<IntakeDependencies, 'cases' | 'tasks' | 'tenants' | 'clock' | 'monitor' | 'calendar'>,
  ctx: RequestContext,
  caseId: string,
) {
  authorizeRole(ctx.principal, 'case.view');
  const found = await loadCase(deps.cases, ctx, caseId);
  authorize(ctx.principal, 'case.view', { caseId, owner: ownershipOf(found) });
  const [timeline, tasks, profile] = await Promise.all([
    deps.cases.timeline(ctx.tenantId, caseId),
    deps.tasks.findMany(
      ctx.tenantId,
      found.tasks.map((task) => task.taskId),
    ),
    deps.tenants.profile(ctx.tenantId),
  ]);
  if (!profile) throw notFound.tenant(ctx.tenantId);
  const now = deps.clock.now();
  const calendar = await calendarOf(deps, profile);
  const clock = caseClockView(
    found,
    calendar,
    now.toISOString(),
    profile.supervision.yellowThresholdDays,
    found.noticeDays ?? 1,
    tasks.flatMap(clockSuspensions),
  );
  for (const alert of clock.alerts) deps.monitor.calendarGap(alert.year, { tenantId: ctx.tenantId, caseId });
  const view = caseProgressView(found, clock, tasks, timeline, now, calendar, profile.supervision.yellowThresholdDays);
  return { view, found, calendar };
}

/**
 * The case as the applicant and staff see it: status, deadlines, light, department progress and timeline,
 * with its material checklist (what is provided, what is still missing) and its results (the release and
 * the certificates), which the materials and certificates contexts keep in the case partition.
 */
export async function getCaseView(
  deps: Pick<IntakeDependencies, 'cases' | 'tasks' | 'tenants' | 'catalogue' | 'records' | 'clock' | 'monitor' | 'calendar'>,
  ctx: RequestContext,
  caseId: string,
) {
  const { view, found, calendar } = await caseProgress(deps, ctx, caseId);
  const [item, checklist, release, certificates] = await Promise.all([
    deps.catalogue.itemVersion(ctx.tenantId, found.itemCode, found.itemVersion),
    deps.records.checklist(ctx.tenantId, caseId),
    deps.records.release(ctx.tenantId, caseId),
    deps.records.certificates(ctx.tenantId, caseId),
  ]);
  if (!item) throw notFound.item(`${found.itemCode}@${found.itemVersion}`);
  return { ...view, ...caseRecordsView(found, item, { checklist, release, certificates }, calendar, deps.clock.now().toISOString()) };
}
