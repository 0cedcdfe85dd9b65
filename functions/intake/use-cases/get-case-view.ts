/** Get a case (办件查询): the case as the applicant and staff see it, with its progress, materials and results. */

import { clockSuspensions } from '../../approval/domain/department-task';
import { authorize, authorizeRole } from '../../kernel/permissions';
import { ownershipOf } from '../../kernel/principal';
import { notFound } from '../../shared/errors';
import type { RequestContext } from '../../shared/request-context';
import { caseClockView } from '../domain/case-clock-view';
import { caseProgressView, caseRecordsView } from '../domain/case-view';
import type { IntakeDependencies } from './dependencies';
import { calendarOf } from './support';

/**
 * The case as the applicant and staff see it: status, deadlines, light, department progress and timeline, with its
 * material checklist (what is provided, what is still missing) and its results (the release and the certificates),
 * which the materials and certificates contexts keep in the case partition. Two reads (the case partition, then what
 * it names elsewhere), and the calendar, which is cached.
 */
export async function getCaseView(deps: Pick<IntakeDependencies, 'caseFiles' | 'clock' | 'monitor' | 'calendar'>, ctx: RequestContext, caseId: string) {
  authorizeRole(ctx.principal, 'case.view');
  const file = await deps.caseFiles.read(ctx.tenantId, caseId);
  if (!file) throw notFound.case(caseId);
  const found = file.case;
  authorize(ctx.principal, 'case.view', { caseId, owner: ownershipOf(found) });
  const { tasks, certificates, profile, item } = await deps.caseFiles.relations(ctx.tenantId, {
    taskIds: found.tasks.map((task) => task.taskId),
    certificateNos: file.certificateNos,
    itemCode: found.itemCode,
    itemVersion: found.itemVersion,
  });
  if (!profile) throw notFound.tenant(ctx.tenantId);
  if (!item) throw notFound.item(`${found.itemCode}@${found.itemVersion}`);
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
  const view = caseProgressView(found, clock, [...tasks], [...file.timeline], now, calendar, profile.supervision.yellowThresholdDays);
  const records = { checklist: file.checklist, release: file.release, certificates: [...certificates] };
  return { ...view, ...caseRecordsView(found, item, records, calendar, now.toISOString()) };
}
