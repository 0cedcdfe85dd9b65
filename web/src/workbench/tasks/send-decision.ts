import { answerOf, type paths, type Schema, staffApi } from '@/api/client';

/** A decision as DecideTask takes it (approve, deny with a reason, suspend for a special procedure, resume…). */
export type DecisionBody = paths['/v1/tenants/{tenantId}/tasks/{taskId}/decision']['post']['requestBody']['content']['application/json'];

/**
 * Sends a decision with an Idempotency-Key: a retry of the same decision (after a lost answer) reuses the key, so the
 * API answers the first reply instead of deciding twice; any other decision gets a new key (a reused key with another
 * body is refused).
 */
let last: { body: string; key: string } | undefined;

export function sendDecision(tenantId: string, taskId: string, decision: DecisionBody): Promise<Schema<'TaskDecisionResult'>> {
  const body = JSON.stringify({ taskId, decision });
  if (last?.body !== body) last = { body, key: `${taskId}-${crypto.randomUUID()}` };
  return answerOf(
    staffApi.POST('/v1/tenants/{tenantId}/tasks/{taskId}/decision', {
      params: { path: { tenantId, taskId }, header: { 'Idempotency-Key': last.key } },
      body: decision,
    }),
  );
}
