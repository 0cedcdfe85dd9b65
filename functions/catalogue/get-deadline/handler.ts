import { z } from 'zod';
import { httpEndpoint } from '../../shared/http';
import { workingDayDeadline } from '../use-cases';
import { catalogueDependencies } from '../wiring';

const deadlineQuery = z.object({
  // an unencoded `+08:00` arrives as ` 08:00`: restore it rather than refuse a common client slip
  start: z
    .string()
    .min(10)
    .max(40)
    .transform((start) => start.replace(/ (\d{2}:?\d{2})$/, '+$1')),
  days: z.coerce.number().int().min(1).max(400),
});

/** GET /v1/tenants/{tenantId}/calendar/deadline?start=ISO&days=N: the working-day deadline. */
export const handler = httpEndpoint({ metric: 'DeadlineComputed', query: deadlineQuery }, async ({ ctx, query }) => ({
  statusCode: 200,
  body: await workingDayDeadline(catalogueDependencies(), ctx.tenantId, query.start, query.days),
}));
