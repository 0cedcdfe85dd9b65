import { httpEndpoint } from '../../shared/http';
import { reviewContracts } from '../http-contract';
import { listReviews } from '../use-cases';
import { reviewDependencies } from '../wiring';

/** GET /v1/tenants/{tenantId}/cases/{caseId}/reviews: the reviews of a case, one per touchpoint. */
export const handler = httpEndpoint({ metric: 'ReviewsViewed', ...reviewContracts.ListCaseReviews }, async ({ ctx, path }) => ({
  statusCode: 200,
  body: await listReviews(reviewDependencies(), ctx, path.caseId),
}));
