import { httpEndpoint } from '../../shared/http';
import { reviewContracts } from '../http-contract';
import { submitReview, replayReview } from '../use-cases';
import { reviewDependencies } from '../wiring';

/** POST /v1/tenants/{tenantId}/cases/{caseId}/reviews: the applicant rates one touchpoint of their case (好差评, 一事一评). */
export const handler = httpEndpoint(
  { metric: 'ReviewSubmitted', ...reviewContracts.SubmitReview },
  async ({ ctx, path, body }) => ({
    statusCode: 201,
    body: await submitReview(reviewDependencies(), ctx, path.caseId, body),
  }),
  async ({ ctx, path, body }) => ({ statusCode: 201, body: await replayReview(reviewDependencies(), ctx, path.caseId, body.touchpoint) }),
);
