import { httpEndpoint } from '../../shared/http';
import { ledgerQuery, listRectifications } from '../use-cases';
import { reviewDependencies } from '../wiring';

/** GET /v1/tenants/{tenantId}/rectifications?status=&light=&deptId=: the ledger (台账), staff only. */
export const handler = httpEndpoint({ metric: 'RectificationsViewed', query: ledgerQuery }, async ({ ctx, query }) => ({
  statusCode: 200,
  body: await listRectifications(reviewDependencies(), ctx, query),
}));
