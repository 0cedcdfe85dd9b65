import { httpEndpoint } from '../../shared/http';
import { materialContracts } from '../http-contract';
import { requestMaterialUpload } from '../use-cases';
import { materialDependencies } from '../wiring';

/**
 * POST /v1/tenants/{tenantId}/cases/{caseId}/materials/{materialId}/uploads (the applicant) and its …/workbench/… form
 * (the window): declare a file, get a presigned PUT URL. Both routes take the same request.
 */
export const handler = httpEndpoint({ metric: 'MaterialUploadRequested', ...materialContracts.RequestMaterialUpload }, async ({ ctx, path, body }) => ({
  statusCode: 201,
  body: await requestMaterialUpload(materialDependencies(), ctx, path, body),
}));
