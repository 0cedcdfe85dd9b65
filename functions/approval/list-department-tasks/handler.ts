import { z } from 'zod';
import { httpEndpoint } from '../../shared/http';
import { listDepartmentTasks, taskListQuery } from '../use-cases';
import { approvalDependencies } from '../wiring';

/** GET /v1/tenants/{tenantId}/departments/{deptId}/tasks?status=pending: a department's work list. */
export const handler = httpEndpoint(
  { metric: 'TaskListViewed', path: z.object({ deptId: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/) }), query: taskListQuery },
  async ({ ctx, path, query }) => ({ statusCode: 200, body: await listDepartmentTasks(approvalDependencies(), ctx, path.deptId, query) }),
);
