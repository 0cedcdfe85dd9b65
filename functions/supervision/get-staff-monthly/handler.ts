import { httpEndpoint } from '../../shared/http';
import { supervisionContracts } from '../http-contract';
import { getStaffMonthly } from '../use-cases';
import { supervisionDependencies } from '../wiring';

/** GET /v1/tenants/{tenantId}/staff/{staffId}/monthly?month=2026-11: a handler's figures for the monthly assessment. */
export const handler = httpEndpoint({ metric: 'StaffMonthlyViewed', ...supervisionContracts.GetStaffMonthly }, async ({ ctx, path, query }) => ({
  statusCode: 200,
  body: await getStaffMonthly(supervisionDependencies(), ctx, path.staffId, query.month),
}));
