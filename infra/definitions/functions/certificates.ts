import { checkItems, consumeQueue, idempotentRequests, putItems, readBucket, readSecret, readTable, updateItems, writeBucket } from '../access';
import { certificatesBucket } from '../buckets';
import { certificateQueue } from '../queues';
import { certificateSigningSecret } from '../secrets';
import type { FunctionDefinition } from './definition';

const caseResults = '/v1/tenants/{tenantId}/cases/{caseId}/delivery';
const signingKey = readSecret(certificateSigningSecret);

/** The functions of certificates and results (电子证照, 出件). Only the functions that sign or verify may read the signing secret. */
export const certificateFunctionDefinitions: readonly FunctionDefinition[] = [
  {
    id: 'HandleCertificateEvents',
    context: 'certificates',
    entry: 'functions/certificates/issue-certificates/handler.ts',
    trigger: { kind: 'queue', queue: certificateQueue, batchSize: 10 },
    // issue: puts guarded by the case's status; revoke: UpdateItem of the certificate's status
    access: [readTable, putItems, updateItems, checkItems, consumeQueue(certificateQueue), writeBucket(certificatesBucket), signingKey],
    timeoutSeconds: 60,
  },
  {
    id: 'VerifyCertificate',
    context: 'certificates',
    entry: 'functions/certificates/verify-certificate/handler.ts',
    // public: the tenant comes from the certificate number, not the path
    trigger: { kind: 'http', method: 'GET', path: '/v1/certificates/{certificateNo}/verify', audience: 'public' },
    access: [readTable, readBucket(certificatesBucket), signingKey],
  },
  {
    id: 'VerifyPresentedCertificate',
    context: 'certificates',
    entry: 'functions/certificates/verify-presented-certificate/handler.ts',
    trigger: { kind: 'http', method: 'POST', path: '/v1/certificates/verification', audience: 'public' },
    access: [readTable, signingKey],
  },
  {
    id: 'ListCertificateLibrary',
    context: 'certificates',
    entry: 'functions/certificates/certificate-library/handler.ts',
    // the holder is the signed-in account: nothing identifies them in the request itself
    trigger: { kind: 'http', method: 'GET', path: '/v1/tenants/{tenantId}/certificate-library', audience: 'citizen' },
    access: [readTable],
  },
  {
    id: 'GetCertificateDocument',
    context: 'certificates',
    entry: 'functions/certificates/certificate-document/handler.ts',
    // the holder takes the stored signed bytes as they are: reading them needs no signing key, and nothing here writes
    trigger: { kind: 'http', method: 'GET', path: '/v1/tenants/{tenantId}/certificate-library/{certificateNo}/document', audience: 'citizen' },
    access: [readTable, readBucket(certificatesBucket)],
  },
  {
    id: 'ChooseResultDelivery',
    context: 'certificates',
    entry: 'functions/certificates/choose-delivery/handler.ts',
    trigger: { kind: 'http', method: 'POST', path: caseResults, audience: 'citizen' },
    access: [readTable, putItems, checkItems, idempotentRequests],
  },
  {
    id: 'HandOverResult',
    context: 'certificates',
    entry: 'functions/certificates/hand-over-result/handler.ts',
    trigger: { kind: 'http', method: 'POST', path: `${caseResults}/handover`, audience: 'staff' },
    access: [readTable, putItems, checkItems, idempotentRequests],
  },
];
