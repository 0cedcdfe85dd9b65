import { httpEndpoint } from '../../shared/http';
import { materialContracts } from '../http-contract';
import { listCaseMaterials } from '../use-cases';
import { materialDependencies } from '../wiring';

/** GET /v1/tenants/{tenantId}/cases/{caseId}/materials (the applicant) and …/workbench/… (staff): the case's material checklist. */
export const handler = httpEndpoint({ metric: 'MaterialsListed', ...materialContracts.ListCaseMaterials }, async ({ ctx, path }) => ({
  statusCode: 200,
  body: await listCaseMaterials(materialDependencies(), ctx, path.caseId),
}));
