import { httpEndpoint } from '../../shared/http';
import { approvalContracts } from '../http-contract';
import { listDepartmentTasks } from '../use-cases/list-department-tasks';
import { approvalDependencies } from '../wiring';

/** GET /v1/tenants/{tenantId}/departments/{deptId}/tasks?status=pending: a department's work list. */
export const handler = httpEndpoint({ metric: 'TaskListViewed', ...approvalContracts.ListDepartmentTasks }, async ({ ctx, path, query }) => ({
  statusCode: 200,
  body: await listDepartmentTasks(approvalDependencies(), ctx, path.deptId, query),
}));
