import { httpEndpoint } from '../../shared/http';
import { certificateContracts } from '../http-contract';
import { tenantOfCertificateRequest, verifyPresentedCertificate } from '../use-cases';
import { certificateDependencies } from '../wiring';

/** POST /v1/certificates/verification (public): a third party checks the signed document they were given. */
export const handler = httpEndpoint(
  { metric: 'PresentedCertificateVerified', ...certificateContracts.VerifyPresentedCertificate, tenantFrom: tenantOfCertificateRequest },
  async ({ body }) => ({
    statusCode: 200,
    body: await verifyPresentedCertificate(certificateDependencies(), body),
  }),
);
