import { z } from 'zod';
import { caseIdSchema } from '../../kernel/ids';
import { httpEndpoint } from '../../shared/http';
import { chooseResultDelivery, deliveryChoiceBody } from '../use-cases';
import { certificateDependencies } from '../wiring';

/** POST /v1/tenants/{tenantId}/cases/{caseId}/delivery: the applicant chooses pickup or mail for the result. */
export const handler = httpEndpoint(
  { metric: 'ResultDeliveryChosen', idempotent: true, path: z.object({ caseId: caseIdSchema }), body: deliveryChoiceBody },
  async ({ ctx, path, body }) => ({ statusCode: 200, body: await chooseResultDelivery(certificateDependencies(), ctx, path.caseId, body) }),
);
