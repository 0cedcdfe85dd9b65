import { z } from 'zod';
import { caseIdSchema } from '../../kernel/ids';
import { httpEndpoint } from '../../shared/http';
import { handOverResult, handoverBody } from '../use-cases';
import { certificateDependencies } from '../wiring';

/** POST /v1/tenants/{tenantId}/cases/{caseId}/delivery/handover (staff): handed over at the window, or posted with a tracking number. */
export const handler = httpEndpoint(
  { metric: 'ResultDelivered', idempotent: true, path: z.object({ caseId: caseIdSchema }), body: handoverBody },
  async ({ ctx, path, body }) => ({ statusCode: 200, body: await handOverResult(certificateDependencies(), ctx, path.caseId, body) }),
);
