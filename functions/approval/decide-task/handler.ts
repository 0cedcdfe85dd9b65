import { z } from 'zod';
import { ulidSchema } from '../../kernel/ids';
import { httpEndpoint } from '../../shared/http';
import { decideDepartmentTask, taskDecisionBody } from '../use-cases';
import { approvalDependencies } from '../wiring';

/** POST /v1/tenants/{tenantId}/tasks/{taskId}/decision: the department approves or denies. */
export const handler = httpEndpoint(
  {
    metric: 'TaskDecided',
    idempotent: true,
    path: z.object({ taskId: ulidSchema }),
    body: taskDecisionBody,
  },
  async ({ ctx, path, body }) => ({ statusCode: 200, body: await decideDepartmentTask(approvalDependencies(), ctx, path.taskId, body) }),
);
