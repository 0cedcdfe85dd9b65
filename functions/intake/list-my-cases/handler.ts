import { httpEndpoint } from '../../shared/http';
import { listMyCases, myCasesBody } from '../use-cases';
import { intakeDependencies } from '../wiring';

/** POST /v1/tenants/{tenantId}/my-cases: an applicant's own cases (ID type and number, confirmed by phone). */
export const handler = httpEndpoint({ metric: 'MyCasesViewed', body: myCasesBody }, async ({ ctx, body }) => ({
  statusCode: 200,
  body: await listMyCases(intakeDependencies(), ctx, body),
}));
