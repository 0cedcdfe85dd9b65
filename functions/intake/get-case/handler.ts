import { z } from 'zod';
import { httpEndpoint } from '../../shared/http';
import { dependencies } from '../../shared/wiring';
import { caseIdSchema, getCaseView } from '../use-cases';

/** GET /v1/tenants/{tenantId}/cases/{caseId}: status, deadlines, lights and timeline. */
export const handler = httpEndpoint({ metric: 'CaseViewed', path: z.object({ caseId: caseIdSchema }) }, async ({ ctx, path }) => ({
  statusCode: 200,
  body: await getCaseView(dependencies(), ctx, path.caseId),
}));
