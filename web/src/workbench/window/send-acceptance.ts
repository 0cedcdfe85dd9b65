import { answerOf, type paths, type Schema, staffApi } from '@/api/client';
import { idempotencyKeys } from '@/components/case/idempotency';

/** The window's decision as DecideAcceptance takes it: accept (with 容缺), supplement, reject, return, complete. */
export type AcceptanceBody = paths['/v1/tenants/{tenantId}/cases/{caseId}/acceptance']['post']['requestBody']['content']['application/json'];
export type AcceptanceOutcome = Schema<'AcceptanceOutcome'>;

const keyOf = idempotencyKeys();

/** Sends the decision with an Idempotency-Key: the same decision sent again (a retry after a lost answer) acts once. */
export function sendAcceptance(tenantId: string, caseId: string, body: AcceptanceBody): Promise<AcceptanceOutcome> {
  return answerOf(
    staffApi.POST('/v1/tenants/{tenantId}/cases/{caseId}/acceptance', {
      params: { path: { tenantId, caseId }, header: { 'Idempotency-Key': keyOf({ caseId, body }) } },
      body,
    }),
  );
}
