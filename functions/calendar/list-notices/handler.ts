import { httpEndpoint } from '../../shared/http';
import { keys } from '../../shared/table/keys';
import { calendarContracts } from '../http-contract';
import { listHolidayNotices } from '../use-cases';
import { calendarDependencies } from '../wiring';

/** GET /v1/calendar/notices (public): every year the national calendar covers, official or provisional. */
export const handler = httpEndpoint(
  { metric: 'HolidayNoticesListed', ...calendarContracts.ListHolidayNotices, tenantFrom: () => keys.nationalLevel },
  async () => {
    const deps = calendarDependencies();
    return { statusCode: 200, body: await listHolidayNotices(deps, deps.clock.now().toISOString()) };
  },
);
