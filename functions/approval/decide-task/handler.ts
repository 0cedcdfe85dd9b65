import { z } from 'zod';
import { httpEndpoint } from '../../shared/http';
import { dependencies } from '../../shared/wiring';
import { decideDepartmentTask, taskDecisionBody } from '../use-cases';

/** POST /v1/tenants/{tenantId}/tasks/{taskId}/decision: the department approves or denies. */
export const handler = httpEndpoint(
  {
    metric: 'TaskDecided',
    idempotent: true,
    path: z.object({ taskId: z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'expected a 26-character ULID') }),
    body: taskDecisionBody,
  },
  async ({ ctx, path, body }) => ({ statusCode: 200, body: await decideDepartmentTask(dependencies(), ctx, path.taskId, body) }),
);
