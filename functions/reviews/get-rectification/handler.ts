import { httpEndpoint } from '../../shared/http';
import { getRectification, rectificationIdPath } from '../use-cases';
import { reviewDependencies } from '../wiring';

/** GET /v1/tenants/{tenantId}/rectifications/{rectificationId}: one entry with its steps and light, staff only. */
export const handler = httpEndpoint({ metric: 'RectificationViewed', path: rectificationIdPath }, async ({ ctx, path }) => ({
  statusCode: 200,
  body: await getRectification(reviewDependencies(), ctx, path.rectificationId),
}));
