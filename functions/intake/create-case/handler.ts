import { httpEndpoint } from '../../shared/http';
import { subjectIdOfKey } from '../../shared/table/keys';
import { intakeContracts } from '../http-contract';
import { createCase, replayFiling } from '../use-cases/create-case';
import { intakeDependencies } from '../wiring';

/**
 * POST /v1/tenants/{tenantId}/cases (online, `CreateCase`) and …/workbench/cases (at a window, `FileCaseAtWindow`):
 * file an application for a published item. Both routes take the same request, so one contract serves both.
 */
export const handler = httpEndpoint(
  { metric: 'CaseCreated', ...intakeContracts.CreateCase },
  async ({ ctx, body }) => ({
    statusCode: 201,
    body: await createCase(intakeDependencies(), ctx, body),
  }),
  async ({ ctx }, committed) => ({ statusCode: 201, body: await replayFiling(intakeDependencies(), ctx, subjectIdOfKey(committed.PK, 'CASE')) }),
);
