import { z } from 'zod';
import { dependencies } from '../../shared/wiring';
import { workflowStep } from '../../shared/worker';
import { deemAcceptance } from '../use-cases';

const timerInput = z.object({ tenantId: z.string().regex(/^\d{6}$/), caseId: z.string().min(1) });

/** Invoked by the acceptance timer when a case's notice window has passed: 视为受理 if still undecided. */
export const handler = workflowStep('AcceptanceTimerFired', timerInput, async (input) => {
  const result = await deemAcceptance(dependencies(), input);
  // the timer waits again only when the step says when
  return result.fireAt ? { ...input, fireAt: result.fireAt, outcome: result.outcome } : { outcome: result.outcome };
});
