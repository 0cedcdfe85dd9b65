import { httpEndpoint } from '../../shared/http';
import { completeMaterialUpload, uploadPath } from '../use-cases';
import { materialDependencies } from '../wiring';

/** POST /v1/tenants/{tenantId}/cases/{caseId}/materials/{materialId}/uploads/{uploadId}/complete: verify the uploaded file. */
export const handler = httpEndpoint({ metric: 'MaterialUploadCompleted', path: uploadPath }, async ({ ctx, path }) => ({
  statusCode: 200,
  body: await completeMaterialUpload(materialDependencies(), ctx, path),
}));
