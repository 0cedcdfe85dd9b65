import type { FunctionDefinition } from '../../infra/definitions/functions';

const caseResults = '/v1/tenants/{tenantId}/cases/{caseId}/delivery';
const signingKey = 'secret:read:CertificateSigningSecret' as const;

/**
 * The functions of certificates and results (电子证照, 出件), to be spread into `functionDefinitions`
 * (infra/definitions/functions.ts). Only the functions that sign or verify may read the signing secret.
 */
export const certificateFunctionDefinitions: readonly FunctionDefinition[] = [
  {
    id: 'HandleCertificateEvents',
    context: 'certificates',
    entry: 'functions/certificates/issue-certificates/handler.ts',
    trigger: { kind: 'queue', queueId: 'CertificateQueue', batchSize: 10 },
    access: ['table:read', 'table:write', 'queue:consume:CertificateQueue', 'bucket:write:CertificatesBucket', signingKey],
    timeoutSeconds: 60,
  },
  {
    id: 'VerifyCertificate',
    context: 'certificates',
    entry: 'functions/certificates/verify-certificate/handler.ts',
    // public: the tenant comes from the certificate number, not the path
    trigger: { kind: 'http', method: 'GET', path: '/v1/certificates/{certificateNo}/verify' },
    access: ['table:read', 'bucket:read:CertificatesBucket', signingKey],
  },
  {
    id: 'VerifyPresentedCertificate',
    context: 'certificates',
    entry: 'functions/certificates/verify-presented-certificate/handler.ts',
    trigger: { kind: 'http', method: 'POST', path: '/v1/certificates/verification' },
    access: ['table:read', signingKey],
  },
  {
    id: 'ListCertificateLibrary',
    context: 'certificates',
    entry: 'functions/certificates/certificate-library/handler.ts',
    // POST: the holder's ID number travels in the body, never in a URL
    trigger: { kind: 'http', method: 'POST', path: '/v1/tenants/{tenantId}/certificate-library' },
    access: ['table:read'],
  },
  {
    id: 'ChooseResultDelivery',
    context: 'certificates',
    entry: 'functions/certificates/choose-delivery/handler.ts',
    trigger: { kind: 'http', method: 'POST', path: caseResults },
    access: ['table:read', 'table:write'],
  },
  {
    id: 'HandOverResult',
    context: 'certificates',
    entry: 'functions/certificates/hand-over-result/handler.ts',
    trigger: { kind: 'http', method: 'POST', path: `${caseResults}/handover`, audience: 'staff' },
    access: ['table:read', 'table:write'],
  },
];
