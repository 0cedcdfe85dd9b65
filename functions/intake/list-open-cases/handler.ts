import { httpEndpoint } from '../../shared/http';
import { intakeContracts } from '../http-contract';
import { listOpenCases } from '../use-cases';
import { intakeDependencies } from '../wiring';

/** GET /v1/tenants/{tenantId}/supervision/cases: the open cases behind the dashboard's figures (钻取). */
export const handler = httpEndpoint({ metric: 'OpenCasesViewed', ...intakeContracts.ListOpenCases }, async ({ ctx, query }) => ({
  statusCode: 200,
  body: await listOpenCases(intakeDependencies(), ctx, query),
}));
