import { httpEndpoint } from '../../shared/http';
import { intakeContracts } from '../http-contract';
import { getCaseView } from '../use-cases/get-case-view';
import { intakeDependencies } from '../wiring';

/**
 * GET /v1/tenants/{tenantId}/cases/{caseId} (the applicant, `GetCase`) and …/workbench/cases/{caseId} (staff,
 * `GetCaseForStaff`): status, deadlines and lights, notices, materials, results and timeline.
 */
export const handler = httpEndpoint({ metric: 'CaseViewed', ...intakeContracts.GetCase }, async ({ ctx, path }) => ({
  statusCode: 200,
  body: await getCaseView(intakeDependencies(), ctx, path.caseId),
}));
