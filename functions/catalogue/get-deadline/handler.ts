import { httpEndpoint } from '../../shared/http';
import { catalogueContracts } from '../http-contract';
import { workingDayDeadline } from '../use-cases';
import { catalogueDependencies } from '../wiring';

/** GET /v1/tenants/{tenantId}/calendar/deadline?start=ISO&days=N: the working-day deadline. */
export const handler = httpEndpoint({ metric: 'DeadlineComputed', ...catalogueContracts.GetDeadline }, async ({ ctx, query }) => ({
  statusCode: 200,
  body: await workingDayDeadline(catalogueDependencies(), ctx.tenantId, query.start, query.days),
}));
