import type { FunctionDefinition } from '../../infra/definitions/functions';

const materials = '/v1/tenants/{tenantId}/cases/{caseId}/materials';

/**
 * The functions of electronic materials, to be spread into `functionDefinitions`
 * (infra/definitions/functions.ts). Object bytes never pass through them: uploads and downloads
 * use presigned URLs, which is why the request and download functions need object access at all
 * (a presigned URL carries the signer's permissions).
 */
export const materialFunctionDefinitions: readonly FunctionDefinition[] = [
  {
    id: 'RequestMaterialUpload',
    context: 'intake',
    entry: 'functions/materials/request-upload/handler.ts',
    trigger: { kind: 'http', method: 'POST', path: `${materials}/{materialId}/uploads` },
    access: ['table:read', 'table:write', 'bucket:write:MaterialsBucket'],
  },
  {
    id: 'CompleteMaterialUpload',
    context: 'intake',
    entry: 'functions/materials/complete-upload/handler.ts',
    trigger: { kind: 'http', method: 'POST', path: `${materials}/{materialId}/uploads/{uploadId}/complete` },
    // read to verify, write for the delete of a refused object
    access: ['table:read', 'table:write', 'bucket:read:MaterialsBucket', 'bucket:write:MaterialsBucket'],
    // streams up to 20 MiB through SHA-256
    timeoutSeconds: 30,
  },
  {
    id: 'ReferenceMaterialCertificate',
    context: 'intake',
    entry: 'functions/materials/reference-certificate/handler.ts',
    trigger: { kind: 'http', method: 'POST', path: `${materials}/{materialId}/library-reference` },
    access: ['table:read', 'table:write'],
  },
  {
    id: 'ListCaseMaterials',
    context: 'intake',
    entry: 'functions/materials/list-materials/handler.ts',
    trigger: { kind: 'http', method: 'GET', path: materials },
    access: ['table:read'],
  },
  {
    id: 'GetMaterialDownload',
    context: 'intake',
    entry: 'functions/materials/get-download/handler.ts',
    trigger: { kind: 'http', method: 'GET', path: `${materials}/{materialId}/download`, audience: 'staff' },
    access: ['table:read', 'bucket:read:MaterialsBucket'],
  },
];
