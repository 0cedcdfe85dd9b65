import { httpEndpoint } from '../../shared/http';
import { materialContracts } from '../http-contract';
import { materialDownload } from '../use-cases';
import { materialDependencies } from '../wiring';

/** GET /v1/tenants/{tenantId}/cases/{caseId}/materials/{materialId}/download: a short-lived download URL for staff. */
export const handler = httpEndpoint({ metric: 'MaterialDownloaded', ...materialContracts.GetMaterialDownload }, async ({ ctx, path }) => ({
  statusCode: 200,
  body: await materialDownload(materialDependencies(), ctx, path),
}));
