import { z } from 'zod';
import { caseIdSchema } from '../../kernel/ids';
import { httpEndpoint } from '../../shared/http';
import { getCaseView } from '../use-cases';
import { intakeDependencies } from '../wiring';

/** GET /v1/tenants/{tenantId}/cases/{caseId}: status, deadlines and lights, notices, materials, results and timeline. */
export const handler = httpEndpoint({ metric: 'CaseViewed', path: z.object({ caseId: caseIdSchema }) }, async ({ ctx, path }) => ({
  statusCode: 200,
  body: await getCaseView(intakeDependencies(), ctx, path.caseId),
}));
