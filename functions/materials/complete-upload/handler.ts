import { httpEndpoint } from '../../shared/http';
import { materialContracts } from '../http-contract';
import { completeMaterialUpload } from '../use-cases';
import { materialDependencies } from '../wiring';

/**
 * POST /v1/tenants/{tenantId}/cases/{caseId}/materials/{materialId}/uploads/{uploadId}/complete (the applicant) and its
 * …/workbench/… form (the window): verify the uploaded file. Both routes take the same request.
 */
export const handler = httpEndpoint({ metric: 'MaterialUploadCompleted', ...materialContracts.CompleteMaterialUpload }, async ({ ctx, path }) => ({
  statusCode: 200,
  body: await completeMaterialUpload(materialDependencies(), ctx, path),
}));
