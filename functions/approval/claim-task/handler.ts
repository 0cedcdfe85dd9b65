import { httpEndpoint } from '../../shared/http';
import { approvalContracts } from '../http-contract';
import { claimDepartmentTask } from '../use-cases/claim-department-task';
import { approvalDependencies } from '../wiring';

/** POST /v1/tenants/{tenantId}/tasks/{taskId}/claim: a named handler of the department takes the task (首问负责). */
export const handler = httpEndpoint({ metric: 'TaskClaimed', ...approvalContracts.ClaimTask }, async ({ ctx, path }) => ({
  statusCode: 200,
  body: await claimDepartmentTask(approvalDependencies(), ctx, path.taskId),
}));
