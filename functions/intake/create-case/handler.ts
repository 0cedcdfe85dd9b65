import { httpEndpoint } from '../../shared/http';
import { createCase, createCaseBody } from '../use-cases';
import { intakeDependencies } from '../wiring';

/** POST /v1/tenants/{tenantId}/cases: file an application for a published item. */
export const handler = httpEndpoint({ metric: 'CaseCreated', idempotent: true, body: createCaseBody }, async ({ ctx, body }) => ({
  statusCode: 201,
  body: await createCase(intakeDependencies(), ctx, body),
}));
