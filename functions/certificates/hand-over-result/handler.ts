import { httpEndpoint } from '../../shared/http';
import { certificateContracts } from '../http-contract';
import { handOverResult, replayReleaseChange } from '../use-cases';
import { certificateDependencies } from '../wiring';

/** POST /v1/tenants/{tenantId}/cases/{caseId}/delivery/handover (staff): handed over at the window, or posted with a tracking number. */
export const handler = httpEndpoint(
  { metric: 'ResultDelivered', ...certificateContracts.HandOverResult },
  async ({ ctx, path, body }) => ({
    statusCode: 200,
    body: await handOverResult(certificateDependencies(), ctx, path.caseId, body),
  }),
  async ({ ctx, path }) => ({ statusCode: 200, body: await replayReleaseChange(certificateDependencies(), ctx, path.caseId, 'result.hand-over') }),
);
