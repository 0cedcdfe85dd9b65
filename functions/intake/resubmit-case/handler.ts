import { z } from 'zod';
import { httpEndpoint } from '../../shared/http';
import { dependencies } from '../../shared/wiring';
import { caseIdSchema, resubmissionBody, resubmitCase } from '../use-cases';

/** POST /v1/tenants/{tenantId}/cases/{caseId}/resubmission: the applicant supplied what the one-time notice listed. */
export const handler = httpEndpoint(
  { metric: 'CaseResubmitted', idempotent: true, path: z.object({ caseId: caseIdSchema }), body: resubmissionBody },
  async ({ ctx, path, body }) => ({ statusCode: 200, body: await resubmitCase(dependencies(), ctx, path.caseId, body) }),
);
