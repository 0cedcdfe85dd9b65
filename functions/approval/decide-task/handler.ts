import { httpEndpoint } from '../../shared/http';
import { approvalContracts } from '../http-contract';
import { decideDepartmentTask, replayTaskDecision } from '../use-cases/decide-department-task';
import { approvalDependencies } from '../wiring';

/** POST /v1/tenants/{tenantId}/tasks/{taskId}/decision: the department approves or denies. */
export const handler = httpEndpoint(
  { metric: 'TaskDecided', ...approvalContracts.DecideTask },
  async ({ ctx, path, body }) => ({
    statusCode: 200,
    body: await decideDepartmentTask(approvalDependencies(), ctx, path.taskId, body),
  }),
  async ({ ctx, path, body }) => ({ statusCode: 200, body: await replayTaskDecision(approvalDependencies(), ctx, path.taskId, body) }),
);
