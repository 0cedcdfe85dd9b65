import { httpEndpoint } from '../../shared/http';
import { keys } from '../../shared/table/keys';
import { calendarContracts } from '../http-contract';
import { noticeVersions } from '../use-cases';
import { calendarDependencies } from '../wiring';

/** GET /v1/calendar/notices/{year}/versions (public): every loaded version of that year's notice, newest first. */
export const handler = httpEndpoint(
  { metric: 'HolidayNoticeVersionsViewed', ...calendarContracts.ListHolidayNoticeVersions, tenantFrom: () => keys.nationalLevel },
  async ({ path }) => ({ statusCode: 200, body: await noticeVersions(calendarDependencies(), path.year) }),
);
