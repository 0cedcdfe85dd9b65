import { z } from 'zod';
import { tenantIdSchema } from '../../kernel/ids';
import { workflowStep } from '../../shared/worker';
import { deemAcceptance } from '../use-cases/acceptance-timer';
import { intakeDependencies } from '../wiring';

const timerInput = z.object({ tenantId: tenantIdSchema, caseId: z.string().min(1) });

/** Invoked by the acceptance timer when a case's notice window has passed: 视为受理 if still undecided. */
export const handler = workflowStep('AcceptanceTimerFired', timerInput, async (input) => {
  const result = await deemAcceptance(intakeDependencies(), input);
  // the timer waits again only when the step says when
  return result.fireAt ? { ...input, fireAt: result.fireAt, outcome: result.outcome } : { outcome: result.outcome };
});
