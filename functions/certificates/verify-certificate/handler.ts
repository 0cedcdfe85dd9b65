import { httpEndpoint } from '../../shared/http';
import { certificateContracts } from '../http-contract';
import { tenantOfCertificateRequest, verifyCertificate } from '../use-cases';
import { certificateDependencies } from '../wiring';

/** GET /v1/certificates/{certificateNo}/verify (public): valid, revoked, expired or invalid, with the reasons. */
export const handler = httpEndpoint(
  { metric: 'CertificateVerified', ...certificateContracts.VerifyCertificate, tenantFrom: tenantOfCertificateRequest },
  async ({ path }) => ({
    statusCode: 200,
    body: await verifyCertificate(certificateDependencies(), path.certificateNo),
  }),
);
