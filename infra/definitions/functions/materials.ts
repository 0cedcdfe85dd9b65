import { readBucket, readTable, writeBucket, writeTable } from '../access';
import { materialsBucket } from '../buckets';
import type { FunctionDefinition } from './definition';

const materials = '/v1/tenants/{tenantId}/cases/{caseId}/materials';

/**
 * The functions of electronic materials (functions/materials), deployed with the intake construct.
 * Object bytes never pass through them: uploads and downloads use presigned URLs, which is why the
 * request and download functions need object access at all (a presigned URL carries the signer's permissions).
 */
export const materialFunctionDefinitions: readonly FunctionDefinition[] = [
  {
    id: 'RequestMaterialUpload',
    context: 'intake',
    entry: 'functions/materials/request-upload/handler.ts',
    trigger: { kind: 'http', method: 'POST', path: `${materials}/{materialId}/uploads` },
    access: [readTable, writeTable, writeBucket(materialsBucket)],
  },
  {
    id: 'CompleteMaterialUpload',
    context: 'intake',
    entry: 'functions/materials/complete-upload/handler.ts',
    trigger: { kind: 'http', method: 'POST', path: `${materials}/{materialId}/uploads/{uploadId}/complete` },
    // read to verify, write for the delete of a refused object
    access: [readTable, writeTable, readBucket(materialsBucket), writeBucket(materialsBucket)],
    // streams up to 20 MiB through SHA-256
    timeoutSeconds: 30,
  },
  {
    id: 'ReferenceMaterialCertificate',
    context: 'intake',
    entry: 'functions/materials/reference-certificate/handler.ts',
    trigger: { kind: 'http', method: 'POST', path: `${materials}/{materialId}/library-reference` },
    access: [readTable, writeTable],
  },
  {
    id: 'ListCaseMaterials',
    context: 'intake',
    entry: 'functions/materials/list-materials/handler.ts',
    trigger: { kind: 'http', method: 'GET', path: materials },
    access: [readTable],
  },
  {
    id: 'GetMaterialDownload',
    context: 'intake',
    entry: 'functions/materials/get-download/handler.ts',
    trigger: { kind: 'http', method: 'GET', path: `${materials}/{materialId}/download`, audience: 'staff' },
    access: [readTable, readBucket(materialsBucket)],
  },
];
