import { z } from 'zod';
import { caseIdSchema } from '../../kernel/ids';
import { httpEndpoint } from '../../shared/http';
import { postVerificationBody, verifyCommitment } from '../use-cases';
import { intakeDependencies } from '../wiring';

/** POST /v1/tenants/{tenantId}/cases/{caseId}/post-verification: 告知承诺 verified, or found false (revocation + credit record). */
export const handler = httpEndpoint(
  { metric: 'CommitmentVerified', idempotent: true, path: z.object({ caseId: caseIdSchema }), body: postVerificationBody },
  async ({ ctx, path, body }) => ({ statusCode: 200, body: await verifyCommitment(intakeDependencies(), ctx, path.caseId, body) }),
);
