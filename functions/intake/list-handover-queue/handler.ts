import { httpEndpoint } from '../../shared/http';
import { intakeContracts } from '../http-contract';
import { listHandoverQueue } from '../use-cases';
import { intakeDependencies } from '../wiring';

/** GET /v1/tenants/{tenantId}/workbench/handover-queue: completed cases whose result the window still hands over. */
export const handler = httpEndpoint({ metric: 'HandoverQueueViewed', ...intakeContracts.ListHandoverQueue }, async ({ ctx, query }) => ({
  statusCode: 200,
  body: await listHandoverQueue(intakeDependencies(), ctx, query),
}));
