import { httpEndpoint } from '../../shared/http';
import { requestMaterialUpload, materialPath, uploadRequestBody } from '../use-cases';
import { materialDependencies } from '../wiring';

/** POST /v1/tenants/{tenantId}/cases/{caseId}/materials/{materialId}/uploads: declare a file, get a presigned PUT URL. */
export const handler = httpEndpoint({ metric: 'MaterialUploadRequested', path: materialPath, body: uploadRequestBody }, async ({ ctx, path, body }) => ({
  statusCode: 201,
  body: await requestMaterialUpload(materialDependencies(), ctx, path, body),
}));
