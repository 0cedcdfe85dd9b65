import { z } from 'zod';
import { httpEndpoint } from '../../shared/http';
import { dependencies } from '../../shared/wiring';
import { claimDepartmentTask } from '../use-cases';

/** POST /v1/tenants/{tenantId}/tasks/{taskId}/claim: a named handler of the department takes the task (首问负责). */
export const handler = httpEndpoint(
  { metric: 'TaskClaimed', path: z.object({ taskId: z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'expected a 26-character ULID') }) },
  async ({ ctx, path }) => ({ statusCode: 200, body: await claimDepartmentTask(dependencies(), ctx, path.taskId) }),
);
