import { httpEndpoint } from '../../shared/http';
import { reviewContracts } from '../http-contract';
import { listRectifications } from '../use-cases';
import { reviewDependencies } from '../wiring';

/** GET /v1/tenants/{tenantId}/rectifications?status=&light=&deptId=: the ledger (台账), staff only. */
export const handler = httpEndpoint({ metric: 'RectificationsViewed', ...reviewContracts.ListRectifications }, async ({ ctx, query }) => ({
  statusCode: 200,
  body: await listRectifications(reviewDependencies(), ctx, query),
}));
