import { z } from 'zod';
import { httpEndpoint } from '../../shared/http';
import { keys } from '../../shared/table/keys';
import { noticeVersions } from '../use-cases';
import { calendarDependencies } from '../wiring';

const yearPath = z.object({
  year: z
    .string()
    .regex(/^\d{4}$/, 'expected a year, e.g. 2027')
    .transform(Number),
});

/** GET /v1/calendar/notices/{year}/versions (public): every loaded version of that year's notice, newest first. */
export const handler = httpEndpoint({ metric: 'HolidayNoticeVersionsViewed', path: yearPath, tenantFrom: () => keys.nationalLevel }, async ({ path }) => ({
  statusCode: 200,
  body: await noticeVersions(calendarDependencies(), path.year),
}));
