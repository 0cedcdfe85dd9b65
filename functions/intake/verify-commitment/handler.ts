import { httpEndpoint } from '../../shared/http';
import { intakeContracts } from '../http-contract';
import { verifyCommitment, replayPostVerification } from '../use-cases/verify-commitment';
import { intakeDependencies } from '../wiring';

/** POST /v1/tenants/{tenantId}/cases/{caseId}/post-verification: 告知承诺 verified, or found false (revocation + credit record). */
export const handler = httpEndpoint(
  { metric: 'CommitmentVerified', ...intakeContracts.VerifyCommitment },
  async ({ ctx, path, body }) => ({
    statusCode: 200,
    body: await verifyCommitment(intakeDependencies(), ctx, path.caseId, body),
  }),
  async ({ ctx, path }) => ({ statusCode: 200, body: await replayPostVerification(intakeDependencies(), ctx, path.caseId) }),
);
