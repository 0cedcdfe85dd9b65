/** Resubmit a case (补正后重新提交): the applicant supplied what the one-time notice listed. */

import type { z } from 'zod';
import { authorize, authorizeRole } from '../../kernel/permissions';
import { ownershipOf } from '../../kernel/principal';
import { notFound } from '../../shared/errors';
import type { RequestContext } from '../../shared/request-context';
import { resubmitCase as resubmit, validateForm } from '../domain/case';
import { armAcceptanceTimer } from './acceptance-timer';
import type { IntakeDependencies } from './dependencies';
import type { resubmissionBody } from './requests';
import { loadCase } from './support';

/** Primary course: the applicant supplied what the one-time notice listed; the case returns to acceptance review. */
export async function resubmitCase(
  deps: Pick<IntakeDependencies, 'cases' | 'catalogue' | 'tenants' | 'clock' | 'ids' | 'monitor' | 'acceptanceTimer' | 'calendar'>,
  ctx: RequestContext,
  caseId: string,
  body: z.infer<typeof resubmissionBody>,
) {
  authorizeRole(ctx.principal, 'case.resubmit');
  const current = await loadCase(deps.cases, ctx, caseId);
  authorize(ctx.principal, 'case.resubmit', { caseId, owner: ownershipOf(current) });
  const now = deps.clock.now().toISOString();
  const resubmitted = resubmit(current, body.formData, now, deps.ids.next());
  if (body.formData) {
    const item = await deps.catalogue.itemVersion(ctx.tenantId, current.itemCode, current.itemVersion);
    if (!item) throw notFound.item(`${current.itemCode}@${current.itemVersion}`);
    validateForm(item, resubmitted.case.formData);
  }
  await deps.cases.save(resubmitted.case, [resubmitted.event]);
  const timer = await armAcceptanceTimer(deps, resubmitted.case);
  return { caseId, status: resubmitted.case.status, receivedAt: now, noticeDeadline: timer.noticeDeadline };
}

/** The reply to a retried resubmission whose first call committed and died before answering: the timer re-armed (harmless if it was). */
export async function replayResubmission(
  deps: Pick<IntakeDependencies, 'cases' | 'tenants' | 'clock' | 'monitor' | 'acceptanceTimer' | 'calendar'>,
  ctx: RequestContext,
  caseId: string,
) {
  authorizeRole(ctx.principal, 'case.resubmit');
  const current = await loadCase(deps.cases, ctx, caseId);
  authorize(ctx.principal, 'case.resubmit', { caseId, owner: ownershipOf(current) });
  const timer = current.status === 'submitted' ? await armAcceptanceTimer(deps, current) : { noticeDeadline: current.noticeDeadline ?? null };
  return { caseId, status: current.status, receivedAt: current.receivedAt, noticeDeadline: timer.noticeDeadline };
}
