import { z } from 'zod';
import { httpEndpoint } from '../../shared/http';
import { dependencies } from '../../shared/wiring';
import { acceptanceBody, caseIdSchema, decideAcceptance } from '../use-cases';

/** POST /v1/tenants/{tenantId}/cases/{caseId}/acceptance: accept (受理), reject (不予受理) or return (退件). */
export const handler = httpEndpoint(
  { metric: 'AcceptanceDecided', idempotent: true, path: z.object({ caseId: caseIdSchema }), body: acceptanceBody },
  async ({ ctx, path, body }) => ({
    statusCode: 200,
    body: await decideAcceptance(dependencies(), ctx, path.caseId, body),
  }),
);
