/** Look up a case's progress with the receipt (办件进度查询): public, status and dates only. */

import { notFound } from '../../shared/errors';
import type { RequestContext } from '../../shared/request-context';
import { caseStatusLabel } from '../domain/case';
import { matchesQueryCode } from '../domain/query-code';
import type { IntakeDependencies } from './dependencies';

/**
 * Anyone with the receipt's case number and query code sees where the case stands: no names, no ID, no staff, no
 * reasons. A wrong code answers exactly as an unknown case does (404), so the answer never confirms a case number.
 */
export async function lookUpCaseProgress(deps: Pick<IntakeDependencies, 'cases'>, ctx: RequestContext, input: { caseId: string; queryCode: string }) {
  const found = await deps.cases.find(ctx.tenantId, input.caseId);
  if (!found || !matchesQueryCode(found.caseId, found.queryCodeDigest, input.queryCode)) throw notFound.case(input.caseId);
  return {
    caseId: found.caseId,
    itemName: found.itemName,
    status: found.status,
    statusLabel: caseStatusLabel(found.status),
    submittedAt: found.createdAt,
    ...(found.acceptedAt ? { acceptedAt: found.acceptedAt } : {}),
    ...(found.promisedDeadline ? { promisedDeadline: found.promisedDeadline } : {}),
    ...(found.completedAt ? { completedAt: found.completedAt } : {}),
  };
}
