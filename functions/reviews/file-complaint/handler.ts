import { httpEndpoint } from '../../shared/http';
import { subjectIdOfKey } from '../../shared/table/keys';
import { reviewContracts } from '../http-contract';
import { fileComplaint, replayComplaint } from '../use-cases';
import { reviewDependencies } from '../wiring';

/** POST /v1/tenants/{tenantId}/complaints: a complaint (投诉) opens a rectification entry. */
export const handler = httpEndpoint(
  { metric: 'ComplaintFiled', ...reviewContracts.FileComplaint },
  async ({ ctx, body }) => ({
    statusCode: 201,
    body: await fileComplaint(reviewDependencies(), ctx, body),
  }),
  async ({ ctx }, committed) => ({ statusCode: 201, body: await replayComplaint(reviewDependencies(), ctx, subjectIdOfKey(committed.PK, 'RECT')) }),
);
