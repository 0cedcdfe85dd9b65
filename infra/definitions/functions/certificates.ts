import { consumeQueue, readBucket, readSecret, readTable, writeBucket, writeTable } from '../access';
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
    access: [readTable, writeTable, consumeQueue(certificateQueue), writeBucket(certificatesBucket), signingKey],
    timeoutSeconds: 60,
  },
  {
    id: 'VerifyCertificate',
    context: 'certificates',
    entry: 'functions/certificates/verify-certificate/handler.ts',
    // public: the tenant comes from the certificate number, not the path
    trigger: { kind: 'http', method: 'GET', path: '/v1/certificates/{certificateNo}/verify' },
    access: [readTable, readBucket(certificatesBucket), signingKey],
  },
  {
    id: 'VerifyPresentedCertificate',
    context: 'certificates',
    entry: 'functions/certificates/verify-presented-certificate/handler.ts',
    trigger: { kind: 'http', method: 'POST', path: '/v1/certificates/verification' },
    access: [readTable, signingKey],
  },
  {
    id: 'ListCertificateLibrary',
    context: 'certificates',
    entry: 'functions/certificates/certificate-library/handler.ts',
    // POST: the holder's ID number travels in the body, never in a URL
    trigger: { kind: 'http', method: 'POST', path: '/v1/tenants/{tenantId}/certificate-library' },
    access: [readTable],
  },
  {
    id: 'ChooseResultDelivery',
    context: 'certificates',
    entry: 'functions/certificates/choose-delivery/handler.ts',
    trigger: { kind: 'http', method: 'POST', path: caseResults },
    access: [readTable, writeTable],
  },
  {
    id: 'HandOverResult',
    context: 'certificates',
    entry: 'functions/certificates/hand-over-result/handler.ts',
    trigger: { kind: 'http', method: 'POST', path: `${caseResults}/handover`, audience: 'staff' },
    access: [readTable, writeTable],
  },
];
