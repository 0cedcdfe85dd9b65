/** Helpers several intake use cases share: a case loaded or 404, the tenant's calendar, and issuing a notice. */

import type { TenantProfile } from '../../catalogue/domain/service-item';
import type { WorkingCalendar } from '../../domain/calendar';
import { tenantCalendar } from '../../kernel/calendar-access';
import { notFound } from '../../shared/errors';
import type { RequestContext } from '../../shared/request-context';
import type { Case, CaseNotice } from '../domain/case';
import { noticeDocument } from '../domain/notices';
import type { CaseRepository } from '../domain/ports';
import type { IntakeDependencies } from './dependencies';

/** The tenant's working-day calendar as loaded now: the national notices (official or provisional) plus its local closures. */
export const calendarOf = async (deps: Pick<IntakeDependencies, 'calendar'>, profile: TenantProfile): Promise<WorkingCalendar> =>
  tenantCalendar(profile, await deps.calendar.current());

/** The case of the request's tenant, or a 404. */
export async function loadCase(cases: CaseRepository, ctx: RequestContext, caseId: string): Promise<Case> {
  const found = await cases.find(ctx.tenantId, caseId);
  if (!found) throw notFound.case(caseId);
  return found;
}

/**
 * Archives a notice of a decision that has committed: called after the case is saved, so a decision that lost a race
 * (or failed its write) leaves no notice behind. The document is a function of the stored case and notice, so one lost
 * to a crash between the two writes can be rebuilt from the case.
 */
export async function issue(deps: Pick<IntakeDependencies, 'notices'>, current: Case, notice: CaseNotice): Promise<void> {
  await deps.notices.archive(current, notice, noticeDocument(current, notice));
}

/** The notice the last transition issued. */
export const latestNotice = (current: Case): CaseNotice | undefined => current.notices?.[current.notices.length - 1];
