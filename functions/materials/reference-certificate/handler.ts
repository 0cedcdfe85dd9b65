import { httpEndpoint } from '../../shared/http';
import { materialContracts } from '../http-contract';
import { referenceLibraryCertificate } from '../use-cases';
import { materialDependencies } from '../wiring';

/** POST /v1/tenants/{tenantId}/cases/{caseId}/materials/{materialId}/library-reference: provide a material by certificate number (免证办). */
export const handler = httpEndpoint({ metric: 'MaterialReferenced', ...materialContracts.ReferenceMaterialCertificate }, async ({ ctx, path, body }) => ({
  statusCode: 200,
  body: await referenceLibraryCertificate(materialDependencies(), ctx, path, body),
}));
