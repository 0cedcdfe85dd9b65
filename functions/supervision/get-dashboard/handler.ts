import { httpEndpoint } from '../../shared/http';
import { supervisionContracts } from '../http-contract';
import { getDashboard } from '../use-cases';
import { supervisionDependencies } from '../wiring';

/** GET /v1/tenants/{tenantId}/supervision/dashboard?window=day|week|month&date=&level=county|city|province: supervisor or admin. */
export const handler = httpEndpoint({ metric: 'SupervisionDashboardViewed', ...supervisionContracts.GetSupervisionDashboard }, async ({ ctx, query }) => ({
  statusCode: 200,
  body: await getDashboard(supervisionDependencies(), ctx, query),
}));
