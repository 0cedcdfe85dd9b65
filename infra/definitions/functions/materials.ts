import { checkItems, deleteFromBucket, putItems, readBucket, readTable, writeBucket } from '../access';
import { materialsBucket } from '../buckets';
import type { FunctionDefinition } from './definition';

const materials = '/v1/tenants/{tenantId}/cases/{caseId}/materials';
/** The staff form of the applicant's material routes: a window clerk takes the materials of a walk-in applicant. */
const workbenchMaterials = '/v1/tenants/{tenantId}/workbench/cases/{caseId}/materials';

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
    trigger: { kind: 'http', method: 'POST', path: `${materials}/{materialId}/uploads`, audience: 'citizen' },
    // the presigned PUT carries this function's s3:PutObject
    access: [readTable, putItems, writeBucket(materialsBucket)],
  },
  {
    id: 'CompleteMaterialUpload',
    context: 'intake',
    entry: 'functions/materials/complete-upload/handler.ts',
    trigger: { kind: 'http', method: 'POST', path: `${materials}/{materialId}/uploads/{uploadId}/complete`, audience: 'citizen' },
    // reads the uploaded version to verify it, and deletes exactly that version when it is refused; writes no object
    access: [readTable, putItems, readBucket(materialsBucket), deleteFromBucket(materialsBucket)],
    // streams up to 20 MiB through SHA-256
    timeoutSeconds: 30,
  },
  {
    id: 'ReferenceMaterialCertificate',
    context: 'intake',
    entry: 'functions/materials/reference-certificate/handler.ts',
    trigger: { kind: 'http', method: 'POST', path: `${materials}/{materialId}/library-reference`, audience: 'citizen' },
    // the reference is put only while the case is in a status that takes materials
    access: [readTable, putItems, checkItems],
  },
  {
    id: 'ListCaseMaterials',
    context: 'intake',
    entry: 'functions/materials/list-materials/handler.ts',
    trigger: { kind: 'http', method: 'GET', path: materials, audience: 'citizen' },
    access: [readTable],
  },
  {
    id: 'GetMaterialDownload',
    context: 'intake',
    entry: 'functions/materials/get-download/handler.ts',
    trigger: { kind: 'http', method: 'GET', path: `${materials}/{materialId}/download`, audience: 'staff' },
    access: [readTable, readBucket(materialsBucket)],
  },
  {
    id: 'WindowRequestMaterialUpload',
    context: 'intake',
    entry: 'functions/materials/request-upload/handler.ts',
    trigger: { kind: 'http', method: 'POST', path: `${workbenchMaterials}/{materialId}/uploads`, audience: 'staff' },
    access: [readTable, putItems, writeBucket(materialsBucket)],
  },
  {
    id: 'WindowCompleteMaterialUpload',
    context: 'intake',
    entry: 'functions/materials/complete-upload/handler.ts',
    trigger: { kind: 'http', method: 'POST', path: `${workbenchMaterials}/{materialId}/uploads/{uploadId}/complete`, audience: 'staff' },
    access: [readTable, putItems, readBucket(materialsBucket), deleteFromBucket(materialsBucket)],
    timeoutSeconds: 30,
  },
  {
    id: 'ListCaseMaterialsForStaff',
    context: 'intake',
    entry: 'functions/materials/list-materials/handler.ts',
    trigger: { kind: 'http', method: 'GET', path: workbenchMaterials, audience: 'staff' },
    access: [readTable],
  },
];
