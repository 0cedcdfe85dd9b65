import { httpEndpoint } from '../../shared/http';
import { supervisionContracts } from '../http-contract';
import { queryAudit } from '../use-cases';
import { supervisionDependencies } from '../wiring';

/** GET /v1/tenants/{tenantId}/audit?caseId= | ?staffId=: the append-only audit trail, supervisor or admin. */
export const handler = httpEndpoint({ metric: 'AuditViewed', ...supervisionContracts.QueryAudit }, async ({ ctx, query }) => ({
  statusCode: 200,
  body: await queryAudit(supervisionDependencies(), ctx, query),
}));
