import { httpEndpoint } from '../../shared/http';
import { intakeContracts } from '../http-contract';
import { listMyCases } from '../use-cases/list-my-cases';
import { intakeDependencies } from '../wiring';

/** GET /v1/tenants/{tenantId}/my-cases: the signed-in applicant's cases in this county (by their real-name account). */
export const handler = httpEndpoint({ metric: 'MyCasesViewed', ...intakeContracts.ListMyCases }, async ({ ctx }) => ({
  statusCode: 200,
  body: await listMyCases(intakeDependencies(), ctx),
}));
