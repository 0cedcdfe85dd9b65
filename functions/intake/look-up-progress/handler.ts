import { httpEndpoint } from '../../shared/http';
import { intakeContracts } from '../http-contract';
import { lookUpCaseProgress } from '../use-cases/look-up-progress';
import { intakeDependencies } from '../wiring';

/** POST /v1/tenants/{tenantId}/case-progress: the receipt's case number and query code, without signing in. */
export const handler = httpEndpoint({ metric: 'CaseProgressLookedUp', ...intakeContracts.LookUpCaseProgress }, async ({ ctx, body }) => ({
  statusCode: 200,
  body: await lookUpCaseProgress(intakeDependencies(), ctx, body),
}));
