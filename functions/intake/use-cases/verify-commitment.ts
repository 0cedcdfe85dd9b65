/** Verify a commitment (告知承诺核查): after approval, confirmed or found false. */

import type { z } from 'zod';
import { authorize, authorizeRole } from '../../kernel/permissions';
import { actorOf } from '../../kernel/principal';
import type { RequestContext } from '../../shared/request-context';
import { type Case, recordPostVerification, responsibleDepartments } from '../domain/case';
import type { IntakeDependencies } from './dependencies';
import type { postVerificationBody } from './requests';
import { loadCase } from './support';

/** Primary course: the department verifies a commitment after approval; a false one revokes the approval with a credit record. */
export async function verifyCommitment(
  deps: Pick<IntakeDependencies, 'cases' | 'catalogue' | 'clock' | 'ids'>,
  ctx: RequestContext,
  caseId: string,
  body: z.infer<typeof postVerificationBody>,
) {
  authorizeRole(ctx.principal, 'case.verify-commitment');
  const current = await loadCase(deps.cases, ctx, caseId);
  const item = await deps.catalogue.itemVersion(ctx.tenantId, current.itemCode, current.itemVersion);
  authorize(ctx.principal, 'case.verify-commitment', { deptIds: responsibleDepartments(current, item) });
  const verified = recordPostVerification(current, body.outcome, actorOf(ctx.principal).actor, body.note, deps.clock.now().toISOString(), deps.ids.next());
  await deps.cases.save(verified.case, [verified.event]);
  return verificationReply(verified.case);
}

const verificationReply = (verified: Case) => ({
  caseId: verified.caseId,
  status: verified.status,
  postVerification: verified.postVerification,
  creditRecord: verified.creditRecord,
});

/** The reply to a retried verification whose first call committed and died before answering, from the case. */
export async function replayPostVerification(deps: Pick<IntakeDependencies, 'cases'>, ctx: RequestContext, caseId: string) {
  authorizeRole(ctx.principal, 'case.verify-commitment');
  return verificationReply(await loadCase(deps.cases, ctx, caseId));
}
