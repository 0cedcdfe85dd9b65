import { z } from 'zod';
import { tenantIdSchema } from '../../kernel/ids';

/** What the workflow puts on the department queue; the token stays on the server. */
export const taskMessageSchema = z.object({
  taskToken: z.string().min(1),
  tenantId: tenantIdSchema,
  caseId: z.string().min(1),
  taskId: z.string().min(1),
  deptId: z.string().min(1),
  timeoutSeconds: z.number().int().positive(),
  /** `$$.State.EnteredTime`: orders re-sends, so a redelivered older message cannot replace a newer token. */
  dispatchedAt: z.iso.datetime(),
});

const reasonText = z.string().trim().min(1).max(1000);

export const taskDecisionBody = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('approve'), comment: z.string().trim().max(1000).optional() }),
  z.object({ decision: z.literal('deny'), reason: reasonText }),
  /** Ask the applicant for more material; the item's policy suspends or restarts the stage clock. */
  z.object({ decision: z.literal('supplement'), reason: reasonText, expectedDays: z.number().int().min(1).max(60).default(5) }),
  /** A special procedure stops the clock (seed 004 art.11). */
  z.object({
    decision: z.literal('suspend'),
    procedure: z.enum(['现场勘察', '专家论证', '听证', '公示', '检验检测', '鉴定']),
    reason: reasonText,
    expectedDays: z.number().int().min(1).max(60),
  }),
  z.object({ decision: z.literal('resume'), comment: z.string().trim().max(1000).optional() }),
  /** 转办 to another department of the tenant. */
  z.object({ decision: z.literal('reassign'), toDeptId: z.string().regex(/^[A-Z0-9_-]{1,32}$/), reason: reasonText }),
]);

export const taskListQuery = z.object({
  status: z.enum(['waiting', 'pending', 'suspended', 'approved', 'denied', 'cancelled']).default('pending'),
  light: z.enum(['green', 'yellow', 'red', 'suspended', 'unknown']).optional(),
  /** The previous answer's `nextCursor`, as it came. */
  cursor: z.string().max(2048).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const escalationInput = z.object({ tenantId: tenantIdSchema, caseId: z.string(), taskId: z.string(), deptId: z.string() });

export const completionInput = z.object({ tenantId: tenantIdSchema, caseId: z.string() });
