import { httpEndpoint } from '../../shared/http';
import { reviewContracts } from '../http-contract';
import { getRectification } from '../use-cases';
import { reviewDependencies } from '../wiring';

/** GET /v1/tenants/{tenantId}/rectifications/{rectificationId}: one entry with its steps and light, staff only. */
export const handler = httpEndpoint({ metric: 'RectificationViewed', ...reviewContracts.GetRectification }, async ({ ctx, path }) => ({
  statusCode: 200,
  body: await getRectification(reviewDependencies(), ctx, path.rectificationId),
}));
