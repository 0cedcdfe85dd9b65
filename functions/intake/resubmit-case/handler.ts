import { z } from 'zod';
import { caseIdSchema } from '../../kernel/ids';
import { httpEndpoint } from '../../shared/http';
import { resubmissionBody, resubmitCase } from '../use-cases';
import { intakeDependencies } from '../wiring';

/** POST /v1/tenants/{tenantId}/cases/{caseId}/resubmission: the applicant supplied what the one-time notice listed. */
export const handler = httpEndpoint(
  { metric: 'CaseResubmitted', idempotent: true, path: z.object({ caseId: caseIdSchema }), body: resubmissionBody },
  async ({ ctx, path, body }) => ({ statusCode: 200, body: await resubmitCase(intakeDependencies(), ctx, path.caseId, body) }),
);
