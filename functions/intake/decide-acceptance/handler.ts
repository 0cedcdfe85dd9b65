import { httpEndpoint } from '../../shared/http';
import { intakeContracts } from '../http-contract';
import { decideAcceptance, replayAcceptanceDecision } from '../use-cases/decide-acceptance';
import { intakeDependencies } from '../wiring';

/** POST /v1/tenants/{tenantId}/cases/{caseId}/acceptance: accept (受理), reject (不予受理) or return (退件). */
export const handler = httpEndpoint(
  { metric: 'AcceptanceDecided', ...intakeContracts.DecideAcceptance },
  async ({ ctx, path, body }) => ({
    statusCode: 200,
    body: await decideAcceptance(intakeDependencies(), ctx, path.caseId, body),
  }),
  async ({ ctx, path, body }) => ({ statusCode: 200, body: await replayAcceptanceDecision(intakeDependencies(), ctx, path.caseId, body) }),
);
