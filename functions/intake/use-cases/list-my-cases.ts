/** List my cases (我的办件): the signed-in applicant's cases in this county, the ones filed for them at a window included. */

import { authorize, realNameDigest } from '../../kernel/permissions';
import { notFound } from '../../shared/errors';
import type { RequestContext } from '../../shared/request-context';
import { applicantCaseList } from '../domain/case-view';
import type { IntakeDependencies } from './dependencies';

/** Newest first, found by the ID digest of the real-name account: an ID number in a request proves nothing. */
export async function listMyCases(deps: Pick<IntakeDependencies, 'cases' | 'tenants'>, ctx: RequestContext) {
  authorize(ctx.principal, 'case.list-own');
  if (!(await deps.tenants.profile(ctx.tenantId))) throw notFound.tenant(ctx.tenantId);
  const cases = await deps.cases.listForApplicant(ctx.tenantId, realNameDigest(ctx.principal), 100);
  return { cases: applicantCaseList(cases) };
}
