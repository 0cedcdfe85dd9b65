import { z } from 'zod';
import { httpEndpoint } from '../../shared/http';
import { dependencies } from '../../shared/wiring';
import { caseIdSchema, postVerificationBody, verifyCommitment } from '../use-cases';

/** POST /v1/tenants/{tenantId}/cases/{caseId}/post-verification: 告知承诺 verified, or found false (revocation + credit record). */
export const handler = httpEndpoint(
  { metric: 'CommitmentVerified', idempotent: true, path: z.object({ caseId: caseIdSchema }), body: postVerificationBody },
  async ({ ctx, path, body }) => ({ statusCode: 200, body: await verifyCommitment(dependencies(), ctx, path.caseId, body) }),
);
