import { httpEndpoint } from '../../shared/http';
import { intakeContracts } from '../http-contract';
import { resubmitCase, replayResubmission } from '../use-cases/resubmit-case';
import { intakeDependencies } from '../wiring';

/** POST /v1/tenants/{tenantId}/cases/{caseId}/resubmission: the applicant supplied what the one-time notice listed. */
export const handler = httpEndpoint(
  { metric: 'CaseResubmitted', ...intakeContracts.ResubmitCase },
  async ({ ctx, path, body }) => ({
    statusCode: 200,
    body: await resubmitCase(intakeDependencies(), ctx, path.caseId, body),
  }),
  async ({ ctx, path }) => ({ statusCode: 200, body: await replayResubmission(intakeDependencies(), ctx, path.caseId) }),
);
