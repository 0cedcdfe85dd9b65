import { httpEndpoint } from '../../shared/http';
import { intakeContracts } from '../http-contract';
import { listExaminationQueue } from '../use-cases';
import { intakeDependencies } from '../wiring';

/** GET /v1/tenants/{tenantId}/workbench/examination-queue: the window's applications to examine, a page at a time. */
export const handler = httpEndpoint({ metric: 'ExaminationQueueViewed', ...intakeContracts.ListExaminationQueue }, async ({ ctx, query }) => ({
  statusCode: 200,
  body: await listExaminationQueue(intakeDependencies(), ctx, query),
}));
