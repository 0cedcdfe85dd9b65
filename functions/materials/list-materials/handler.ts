import { httpEndpoint } from '../../shared/http';
import { casePath, listCaseMaterials } from '../use-cases';
import { materialDependencies } from '../wiring';

/** GET /v1/tenants/{tenantId}/cases/{caseId}/materials: the case's material checklist. */
export const handler = httpEndpoint({ metric: 'MaterialsListed', path: casePath }, async ({ ctx, path }) => ({
  statusCode: 200,
  body: await listCaseMaterials(materialDependencies(), ctx, path.caseId),
}));
