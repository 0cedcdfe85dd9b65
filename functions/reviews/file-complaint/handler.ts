import { httpEndpoint } from '../../shared/http';
import { complaintBody, fileComplaint } from '../use-cases';
import { reviewDependencies } from '../wiring';

/** POST /v1/tenants/{tenantId}/complaints: a complaint (投诉) opens a rectification entry. */
export const handler = httpEndpoint({ metric: 'ComplaintFiled', idempotent: true, body: complaintBody }, async ({ ctx, body }) => ({
  statusCode: 201,
  body: await fileComplaint(reviewDependencies(), ctx, body),
}));
